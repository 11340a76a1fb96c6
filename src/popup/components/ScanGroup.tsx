import { t } from '../../shared/i18n';
import type { HistoryEntry } from '../../shared/types';
import { sourceSite } from '../entry-text';
import { HistoryItem } from './HistoryItem';
import { Thumbnail } from './Thumbnail';
import { When } from './When';
import './ScanGroup.css';

interface Props {
  entries: HistoryEntry[];
  now: number;
  /** Open while a filter is typed: the matching answers are what the person is looking for. */
  open: boolean;
  onOpen(id: string): void;
  onDelete(id: string): void;
}

/** One page scan's answers in one history row, a disclosure that opens onto them. */
export function ScanGroup({ entries, now, open, onOpen, onDelete }: Props) {
  const newest = entries[0];
  if (!newest) return null;
  const title = newest.origin.pageTitle?.trim() || sourceSite(newest.origin);
  return (
    <li class="scan-group" data-scan-id={newest.scanId}>
      <details open={open}>
        <summary>
          <span class="scan-thumbs" aria-hidden="true">
            {entries.slice(0, 3).map((entry, at) => <Thumbnail key={entry.id} src={entry.thumbnail} size={at === 0 ? 38 : 18} />)}
          </span>
          <span class="entry-text">
            <span class="entry-label">{entries.length === 1 ? t('popupScanGroupOne') : t('popupScanGroup', String(entries.length))}</span>
            <span class="entry-meta dotted">
              <span class="shrink">{title}</span>
              <When at={newest.createdAt} now={now} />
            </span>
          </span>
        </summary>
        <ul class="entries scan-entries">
          {entries.map((entry) => <HistoryItem key={entry.id} entry={entry} now={now} onOpen={onOpen} onDelete={onDelete} />)}
        </ul>
      </details>
    </li>
  );
}
