/**
 * What the history list shows: answers one per row, except the answers of one page scan, which
 * share a single row that opens onto them; and the filter that finds answers by name.
 */
import type { HistoryEntry } from '../shared/types';

export type HistoryRow =
  | { kind: 'entry'; entry: HistoryEntry }
  | { kind: 'scan'; scanId: string; entries: HistoryEntry[] };

/** Rows newest first: a scan's row stands where its newest answer would. `entries` come newest first. */
export function historyRows(entries: HistoryEntry[]): HistoryRow[] {
  const rows: HistoryRow[] = [];
  const scans = new Map<string, HistoryEntry[]>();
  for (const entry of entries) {
    if (!entry.scanId) {
      rows.push({ kind: 'entry', entry });
      continue;
    }
    const group = scans.get(entry.scanId);
    if (group) {
      group.push(entry);
    } else {
      const started: HistoryEntry[] = [entry];
      scans.set(entry.scanId, started);
      rows.push({ kind: 'scan', scanId: entry.scanId, entries: started });
    }
  }
  return rows;
}

/** Lower case without accents: "Café" finds "cafe". */
const fold = (text: string): string => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

/** Whether an answer's name (its label or one of its other names) contains every word typed. */
export function matchesFilter(entry: HistoryEntry, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const top = entry.predictions[0];
  if (!top) return false;
  const names = fold([top.label, ...top.synonyms].join(' | '));
  return words.every((word) => names.includes(word));
}

/** The rows whose answers match; a scan keeps only its matching answers, and goes when none match. */
export function filterRows(rows: HistoryRow[], query: string): HistoryRow[] {
  if (!query.trim()) return rows;
  const kept: HistoryRow[] = [];
  for (const row of rows) {
    if (row.kind === 'entry') {
      if (matchesFilter(row.entry, query)) kept.push(row);
    } else {
      const entries = row.entries.filter((entry) => matchesFilter(entry, query));
      if (entries.length > 0) kept.push({ ...row, entries });
    }
  }
  return kept;
}

/** How many answers the rows hold. */
export const answerCount = (rows: HistoryRow[]): number =>
  rows.reduce((sum, row) => sum + (row.kind === 'entry' ? 1 : row.entries.length), 0);
