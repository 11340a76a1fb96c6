import { describe, expect, it } from 'vitest';
import { answerCount, filterRows, historyRows, matchesFilter } from '../../../src/popup/history-rows';
import type { HistoryEntry } from '../../../src/shared/types';

let clock = 1_000;
function entry(label: string, synonyms: string[] = [], scanId?: string): HistoryEntry {
  clock -= 1;
  return {
    id: `${label}-${clock}`, createdAt: clock, origin: {}, predictions: [{ label, synonyms, classIndex: 1, probability: 0.9 }],
    backend: 'wasm', inferenceMs: 20, totalMs: 40, width: 10, height: 10, thumbnail: 'data:,', ...(scanId ? { scanId } : {}),
  };
}

describe('history rows', () => {
  it('puts each page scan in one row, where its newest answer stands, keeping the others in order', () => {
    const newest = entry('koala');
    const scanA = [entry('banjo', [], 'a'), entry('candle', [], 'a')];
    const middle = entry('zebra');
    const scanA2 = entry('iPod', [], 'a');
    const scanB = entry('laptop', [], 'b');
    const rows = historyRows([newest, ...scanA, middle, scanA2, scanB]);
    expect(rows.map((row) => (row.kind === 'entry' ? row.entry.predictions[0]!.label : `scan ${row.scanId}`))).toEqual([
      'koala', 'scan a', 'zebra', 'scan b',
    ]);
    const groupA = rows[1]!;
    expect(groupA.kind === 'scan' && groupA.entries.map((e) => e.predictions[0]!.label)).toEqual(['banjo', 'candle', 'iPod']);
    expect(answerCount(rows)).toBe(6);
  });

  it('finds answers by their name or another name, ignoring case and accents, every word typed', () => {
    const shepherd = entry('German shepherd', ['German shepherd dog', 'German police dog', 'alsatian']);
    expect(matchesFilter(shepherd, 'ALSATIAN')).toBe(true);
    expect(matchesFilter(shepherd, 'police dog')).toBe(true);
    expect(matchesFilter(shepherd, 'german cat')).toBe(false);
    expect(matchesFilter(entry('café au lait'), 'Cafe')).toBe(true);
    expect(matchesFilter(shepherd, '   ')).toBe(true);
  });

  it('keeps only the matching answers of a scan, and drops a scan with none', () => {
    const rows = historyRows([entry('koala'), entry('banjo', [], 's'), entry('candle', [], 's'), entry('tabby', ['tabby cat'], 't')]);
    const found = filterRows(rows, 'can');
    expect(found).toHaveLength(1);
    expect(found[0]!.kind === 'scan' && found[0]!.entries.map((e) => e.predictions[0]!.label)).toEqual(['candle']);
    expect(filterRows(rows, 'cat').map((row) => row.kind)).toEqual(['scan']);
    expect(filterRows(rows, 'nothing like it')).toEqual([]);
    expect(filterRows(rows, '')).toBe(rows);
  });
});
