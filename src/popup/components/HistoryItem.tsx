import { describeAnswer } from '../../shared/answer-words';
import { t } from '../../shared/i18n';
import { objectPhrases } from '../../shared/object-words';
import type { HistoryEntry } from '../../shared/types';
import { sourceSite } from '../entry-text';
import { Thumbnail } from './Thumbnail';
import { When } from './When';
import './HistoryItem.css';

interface Props {
  entry: HistoryEntry;
  now: number;
  onOpen(id: string): void;
  onDelete(id: string): void;
}

/** One past answer: open it for details, or delete it. */
export function HistoryItem({ entry, now, onOpen, onDelete }: Props) {
  // The label's own words ("Not sure: menu?", "Looks like a chart"), never the bare top guess.
  const words = entry.predictions.length ? describeAnswer(entry) : undefined;
  const label = words?.short ?? '';
  return (
    <li class="entry" data-entry-id={entry.id}>
      <button type="button" class="entry-open" onClick={() => onOpen(entry.id)} title={t('popupOpenEntry', label)}>
        <Thumbnail src={entry.thumbnail} size={32} />
        <span class="entry-text">
          <span class="entry-label" data-certainty={words?.certainty}>{label}</span>
          {/* One line of details, so that a long history shows many rows: the things found come first. */}
          <span class="entry-meta dotted">
            {entry.objects?.length ? (
              <span class="entry-objects">{objectPhrases(entry.objects).map((phrase) => phrase.text).join(', ')}</span>
            ) : null}
            <span class="entry-confidence">{words?.confidence ?? ''}</span>
            <span class="entry-site shrink">{sourceSite(entry.origin)}</span>
            <When at={entry.createdAt} now={now} />
          </span>
        </span>
      </button>
      <button type="button" class="icon-button entry-delete" onClick={() => onDelete(entry.id)}
        aria-label={t('popupDeleteEntry', label)} title={t('popupDeleteEntry', label)}>
        <TrashIcon />
      </button>
    </li>
  );
}

export function TrashIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"
        d="M4 7h16M10 11v6M14 11v6M6 7l1 12a2 2 0 0 0 2 2h6a2 2 0 0 0 2-2l1-12M9 7V4h6v3" />
    </svg>
  );
}
