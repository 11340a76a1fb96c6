import { useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { HistoryEntry } from '../../shared/types';
import { answerCount, filterRows, historyRows } from '../history-rows';
import { ClearHistory } from './ClearHistory';
import { HistoryFilter } from './HistoryFilter';
import { HistoryItem } from './HistoryItem';
import { ScanGroup } from './ScanGroup';
import './HistoryList.css';

interface Props {
  entries: HistoryEntry[];
  now: number;
  onOpen(id: string): void;
  onDelete(id: string): Promise<void>;
  onClear(): Promise<void>;
  /** An entry whose "open" button should take the focus (coming back from its details). */
  focusId?: string;
}

const openButton = (list: HTMLElement | null, id: string): HTMLElement | null =>
  list?.querySelector<HTMLElement>(`[data-entry-id="${CSS.escape(id)}"] .entry-open`) ?? null;

/**
 * Past answers, newest first, a page scan's answers folded into one row; a filter finds answers
 * by name. Deleting one moves the focus to its neighbour, never to nowhere.
 */
export function HistoryList({ entries, now, onOpen, onDelete, onClear, focusId }: Props) {
  const listRef = useRef<HTMLUListElement>(null);
  const focusAfterDelete = useRef<number | undefined>(undefined);
  const [query, setQuery] = useState('');
  const rows = useMemo(() => historyRows(entries), [entries]);
  const shown = useMemo(() => filterRows(rows, query), [rows, query]);
  const filtering = query.trim() !== '';

  useLayoutEffect(() => {
    if (focusId) openButton(listRef.current, focusId)?.focus();
  }, [focusId]);

  useLayoutEffect(() => {
    const index = focusAfterDelete.current;
    if (index === undefined) return;
    focusAfterDelete.current = undefined;
    const next = entries[Math.min(index, entries.length - 1)];
    const target = (next ? openButton(listRef.current, next.id) : null) ?? document.querySelector<HTMLElement>('.upload-button');
    target?.focus();
  }, [entries]);

  const remove = async (id: string) => {
    const index = entries.findIndex((entry) => entry.id === id);
    focusAfterDelete.current = index;
    await onDelete(id);
  };

  return (
    <section class="history" aria-labelledby="history-heading">
      <div class="section-head">
        <h2 id="history-heading" class="section-title">
          {t('popupHistory')}
          {entries.length > 0 && <span class="count">{entries.length}</span>}
        </h2>
        {entries.length > 0 && <ClearHistory count={entries.length} onClear={onClear} />}
      </div>
      {entries.length > 0 && <HistoryFilter query={query} onQuery={setQuery} found={filtering ? answerCount(shown) : undefined} />}
      {entries.length === 0 && <p class="empty">{t('popupEmptyHistory')}</p>}
      {entries.length > 0 && shown.length === 0 && <p class="empty no-match">{t('popupNoMatch', query.trim())}</p>}
      {shown.length > 0 && (
        <ul class="entries" ref={listRef}>
          {shown.map((row) =>
            row.kind === 'entry' ? (
              <HistoryItem key={row.entry.id} entry={row.entry} now={now} onOpen={onOpen} onDelete={(id) => void remove(id)} />
            ) : (
              <ScanGroup key={row.scanId} entries={row.entries} now={now} open={filtering} onOpen={onOpen} onDelete={(id) => void remove(id)} />
            ),
          )}
        </ul>
      )}
    </section>
  );
}
