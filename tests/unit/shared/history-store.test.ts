import { describe, expect, it, vi } from 'vitest';
import { HistoryStore, isQuotaError, type KeyValueArea } from '../../../src/shared/history-store';
import type { HistoryEntry } from '../../../src/shared/types';

/**
 * An in-memory stand-in for chrome.storage.local. It copies values in and out (as real storage
 * does), can be told to fail writes, and can enforce a byte quota measured like Chrome's
 * (key length + JSON length), failing with Chrome's own quota message.
 */
class FakeArea implements KeyValueArea {
  readonly data = new Map<string, unknown>();
  /** Makes the next set() calls throw this error instead of writing. */
  failWrites?: Error;
  writes = 0;

  constructor(private readonly quotaBytes = Infinity) {}

  bytesUsed(data: Map<string, unknown> = this.data): number {
    let total = 0;
    for (const [key, value] of data) total += key.length + JSON.stringify(value).length;
    return total;
  }

  async get(keys: string | string[] | null): Promise<Record<string, unknown>> {
    const wanted = keys === null ? [...this.data.keys()] : typeof keys === 'string' ? [keys] : keys;
    const out: Record<string, unknown> = {};
    for (const key of wanted) if (this.data.has(key)) out[key] = structuredClone(this.data.get(key));
    return out;
  }

  async set(items: Record<string, unknown>): Promise<void> {
    this.writes++;
    if (this.failWrites) throw this.failWrites;
    const next = new Map(this.data);
    for (const [key, value] of Object.entries(items)) next.set(key, structuredClone(value));
    if (this.bytesUsed(next) > this.quotaBytes) throw new Error('Resource::kQuotaBytes quota exceeded');
    this.data.clear();
    for (const [key, value] of next) this.data.set(key, value);
  }

  async remove(keys: string | string[]): Promise<void> {
    for (const key of typeof keys === 'string' ? [keys] : keys) this.data.delete(key);
  }
}

let clock = 1_700_000_000_000;

function entry(label: string, extra: Partial<HistoryEntry> = {}): HistoryEntry {
  clock += 1000;
  return {
    id: `id-${label}`,
    createdAt: clock,
    origin: { pageUrl: `https://example.com/${label}` },
    predictions: [{ label, synonyms: [label], classIndex: 1, probability: 0.9 }],
    backend: 'wasm',
    inferenceMs: 40,
    totalMs: 60,
    width: 640,
    height: 480,
    thumbnail: 'data:image/jpeg;base64,AAAA',
    ...extra,
  };
}

const labels = (entries: HistoryEntry[]): string[] => entries.map((e) => e.predictions[0]!.label);

describe('HistoryStore', () => {
  it('lists entries newest first, whatever order they were written in', async () => {
    const area = new FakeArea();
    const store = new HistoryStore(area);
    const [a, b, c] = [entry('a'), entry('b'), entry('c')];
    await store.add(b);
    await store.add(c);
    await store.add(a);
    expect(labels(await store.list())).toEqual(['c', 'b', 'a']);
    expect((await store.get('id-b'))?.predictions[0]?.label).toBe('b');
    expect(await store.get('missing')).toBeUndefined();
  });

  it('skips a damaged or foreign entry (and leaves it stored) instead of breaking the list', async () => {
    const area = new FakeArea();
    const store = new HistoryStore(area);
    await store.add(entry('good'));
    const broken = entry('broken');
    area.data.set(HistoryStore.keyFor(broken), { ...broken, predictions: [{ probability: 0.5 }] });
    const foreign = entry('foreign');
    area.data.set(HistoryStore.keyFor(foreign), 'not an entry');
    expect(labels(await store.list())).toEqual(['good']);
    expect(await store.get('id-broken')).toBeUndefined();
    expect(area.data.size).toBe(3);
  });

  it('orders by time even when timestamps have different numbers of digits', async () => {
    const store = new HistoryStore(new FakeArea());
    await store.add(entry('old', { createdAt: 999 }));
    await store.add(entry('new', { createdAt: 1000 }));
    expect(labels(await store.list())).toEqual(['new', 'old']);
  });

  it('keeps at most `cap` entries, evicting the oldest first', async () => {
    const area = new FakeArea();
    const store = new HistoryStore(area, { cap: 3 });
    for (const label of ['1', '2', '3', '4', '5']) await store.add(entry(label));
    expect(labels(await store.list())).toEqual(['5', '4', '3']);
    expect([...area.data.keys()].filter(HistoryStore.isHistoryKey)).toHaveLength(3);
  });

  it('deletes one entry and leaves the others', async () => {
    const store = new HistoryStore(new FakeArea());
    for (const label of ['a', 'b', 'c']) await store.add(entry(label));
    await store.remove('id-b');
    expect(labels(await store.list())).toEqual(['c', 'a']);
    await store.remove('id-nothing');
    expect(labels(await store.list())).toEqual(['c', 'a']);
  });

  it('does not delete an entry whose id merely ends with the id asked for', async () => {
    const store = new HistoryStore(new FakeArea());
    await store.add(entry('x', { id: 'abc' }));
    await store.add(entry('y', { id: 'bc' }));
    await store.remove('bc');
    expect(labels(await store.list())).toEqual(['x']);
  });

  it('clears the history and nothing else in storage', async () => {
    const area = new FakeArea();
    await area.set({ ['latest']: { kind: 'answer', entryId: 'id-a', at: 1 }, ['backendPreference']: 'wasm' });
    const store = new HistoryStore(area);
    for (const label of ['a', 'b']) await store.add(entry(label));
    await store.clear();
    expect(await store.list()).toEqual([]);
    expect([...area.data.keys()].sort()).toEqual(['backendPreference', 'latest']);
    await store.clear();
  });

  it('writes one key per entry, so adding never rewrites the others', async () => {
    const area = new FakeArea();
    const store = new HistoryStore(area);
    await store.add(entry('a'));
    const before = area.writes;
    await store.add(entry('b'));
    expect(area.writes - before).toBe(1);
    expect(HistoryStore.keyFor({ id: 'x', createdAt: 42 })).toBe('history:000000000000042:x');
  });

  it('leaves existing entries intact when a write fails', async () => {
    const area = new FakeArea();
    const store = new HistoryStore(area);
    for (const label of ['a', 'b', 'c']) await store.add(entry(label));
    const snapshot = new Map(area.data);
    area.failWrites = new Error('IO error: disk went away');
    await expect(store.add(entry('d'))).rejects.toThrow('disk went away');
    expect(area.data).toEqual(snapshot);
    expect(labels(await store.list())).toEqual(['c', 'b', 'a']);
    expect(area.writes).toBe(4); // no retries for errors that are not about space
  });

  it('makes room when storage is full by evicting the oldest entries, then saves the new one', async () => {
    const probe = new FakeArea();
    await new HistoryStore(probe).add(entry('probe'));
    const oneEntry = probe.bytesUsed();
    const area = new FakeArea(oneEntry * 3 + oneEntry / 2); // room for three entries, not four
    const store = new HistoryStore(area);
    for (const label of ['a', 'b', 'c']) await store.add(entry(label));
    await store.add(entry('d'));
    expect(labels(await store.list())).toEqual(['d', 'c', 'b']);
    await store.add(entry('e'));
    expect(labels(await store.list())).toEqual(['e', 'd', 'c']);
  });

  it('refuses an entry too big to ever fit without evicting anything', async () => {
    const area = new FakeArea();
    const store = new HistoryStore(area);
    for (let i = 0; i < 18; i++) await store.add(entry(`e${String(i).padStart(2, '0')}`));
    const snapshot = new Map(area.data);
    const huge = entry('huge', { thumbnail: `data:image/jpeg;base64,${'A'.repeat(300 * 1024)}` });
    await expect(store.add(huge)).rejects.toThrow(/exceeds/);
    expect(area.data).toEqual(snapshot);
  });

  it('gives up with the quota error and puts back what it evicted when the entry still does not fit', async () => {
    const probe = new FakeArea();
    await new HistoryStore(probe).add(entry('probe'));
    const oneEntry = probe.bytesUsed();
    const area = new FakeArea(oneEntry * 20);
    const store = new HistoryStore(area);
    for (let i = 0; i < 18; i++) await store.add(entry(`e${String(i).padStart(2, '0')}`));
    const big = entry('big', { thumbnail: `data:image/jpeg;base64,${'A'.repeat(oneEntry * 12)}` });
    const failure = await store.add(big).then(() => undefined, (error: unknown) => error);
    expect(isQuotaError(failure)).toBe(true);
    const left = labels(await store.list());
    expect(left).not.toContain('big');
    expect(left).toHaveLength(18);
    expect(left[0]).toBe('e17');
    expect(left.at(-1)).toBe('e00');
  });

  it('recognises quota errors by their message', () => {
    expect(isQuotaError(new Error('QUOTA_BYTES quota exceeded'))).toBe(true);
    expect(isQuotaError('Resource::kQuotaBytes quota exceeded')).toBe(true);
    expect(isQuotaError(new Error('IO error'))).toBe(false);
  });

  it('adds and finds an entry by keys alone where the area can list them, never reading every thumbnail', async () => {
    const area = new FakeArea();
    const store = new HistoryStore(Object.assign(area, { getKeys: async () => [...area.data.keys()] }));
    for (const label of ['a', 'b', 'c']) await store.add(entry(label));
    const readAll = vi.spyOn(area, 'get');
    await store.add(entry('d'));
    expect((await store.get('id-b'))?.predictions[0]?.label).toBe('b');
    expect(readAll.mock.calls.filter(([keys]) => keys === null)).toEqual([]);
  });
});

describe('history: filling in an entry after it was stored', () => {
  it('keeps both the thumbnail and the things found when they arrive at the same moment', async () => {
    const area = new FakeArea();
    const store = new HistoryStore(area);
    const stored = entry('dog', { thumbnail: '' });
    await store.add(stored);
    const objects = [{ name: 'dog', coco: 'dog', score: 0.9, box: [0, 0, 10, 10] as [number, number, number, number] }];
    await Promise.all([store.setThumbnail(stored, 'data:image/jpeg;base64,AAAA'), store.setObjects(stored, objects)]);
    const after = await store.get(stored.id);
    expect(after?.thumbnail).toBe('data:image/jpeg;base64,AAAA');
    expect(after?.objects).toEqual(objects);
  });
  it('reads entries from before detection as never looked at (no objects)', async () => {
    const store = new HistoryStore(new FakeArea());
    await store.add(entry('cat'));
    expect((await store.get('id-cat'))?.objects).toBeUndefined();
  });
});
