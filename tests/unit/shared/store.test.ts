import { beforeEach, describe, expect, it, vi } from 'vitest';

/** An in-memory browser.storage with local and session areas and onChanged, as the store sees it. */
const fake = await vi.hoisted(async () => {
  const { memoryStorage } = await import('../../support/memory-storage');
  return { storage: memoryStorage() };
});

vi.mock('webextension-polyfill', () => ({ default: { storage: fake.storage } }));

const { defineItem, engineStatus, history, historyVersion, latest, neverContactServers, presenterMode, watchHistory } = await import('../../../src/shared/store');

beforeEach(() => {
  fake.storage.local.data.clear();
  fake.storage.session.data.clear();
});

describe('stored items', () => {
  it('read as their fallback until set, then as what was set, in their own area', async () => {
    expect(await neverContactServers.getValue()).toBe(false);
    await neverContactServers.setValue(true);
    expect(await neverContactServers.getValue()).toBe(true);
    expect(fake.storage.local.data.get('neverContactServers')).toBe(true);

    await engineStatus.setValue({ state: 'ready', backend: 'wasm' });
    expect(fake.storage.session.data.get('engineStatus')).toEqual({ state: 'ready', backend: 'wasm' });
    expect(fake.storage.local.data.has('engineStatus')).toBe(false);
  });

  it('keep presenter mode per site, and read the old global switch as on everywhere (migrated once)', async () => {
    expect(await presenterMode.getValue()).toEqual({ everywhere: false, sites: [] });
    fake.storage.local.data.set('presenterMode', true);
    expect(await presenterMode.getValue()).toEqual({ everywhere: true, sites: [] });
    expect(fake.storage.local.data.get('presenterMode')).toEqual({ everywhere: true, sites: [] });
    expect(fake.storage.local.data.get('presenterMode$')).toEqual({ v: 2 });
    await presenterMode.setValue({ everywhere: false, sites: ['https://zoo.example'] });
    expect(await presenterMode.getValue()).toEqual({ everywhere: false, sites: ['https://zoo.example'] });
    fake.storage.local.data.set('presenterMode', { everywhere: 'yes' });
    expect(await presenterMode.getValue()).toEqual({ everywhere: false, sites: [] });
  });

  it('read a stored value of the wrong shape as the fallback, and leave it in place', async () => {
    fake.storage.session.data.set('engineStatus', { state: 'exploded' });
    vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect(await engineStatus.getValue()).toBeUndefined();
    expect(fake.storage.session.data.get('engineStatus')).toEqual({ state: 'exploded' });
  });

  it('tell watchers about changes from anywhere, with the previous value, until unwatched', async () => {
    const seen: [unknown, unknown][] = [];
    const unwatch = latest.watch((next, previous) => seen.push([next, previous]));
    await latest.setValue({ kind: 'answer', entryId: 'a', at: 1 });
    await fake.storage.local.set({ unrelated: 1 });
    await latest.removeValue();
    unwatch();
    await latest.setValue({ kind: 'answer', entryId: 'b', at: 2 });
    expect(seen).toEqual([
      [{ kind: 'answer', entryId: 'a', at: 1 }, undefined],
      [undefined, { kind: 'answer', entryId: 'a', at: 1 }],
    ]);
  });

  it('upgrade an old value once through its migrations and record the version', async () => {
    const item = defineItem<{ size: number; unit: string }>('local:zoom', {
      fallback: { size: 1, unit: 'x' },
      version: 3,
      migrations: { 2: (old) => ({ size: old as number }), 3: (old) => ({ ...(old as object), unit: 'x' }) },
    });
    fake.storage.local.data.set('zoom', 2);
    expect(await item.getValue()).toEqual({ size: 2, unit: 'x' });
    expect(fake.storage.local.data.get('zoom$')).toEqual({ v: 3 });
    expect(await item.getValue()).toEqual({ size: 2, unit: 'x' });
    await item.setValue({ size: 5, unit: 'x' });
    expect(fake.storage.local.data.get('zoom$')).toEqual({ v: 3 });
  });
});

describe('the history through the store', () => {
  const entry = (id: string, createdAt: number) => ({
    id, createdAt, origin: {}, predictions: [{ label: 'koala', synonyms: ['koala'], classIndex: 105, probability: 0.9 }],
    backend: 'wasm' as const, inferenceMs: 1, totalMs: 2, width: 1, height: 1, thumbnail: 'data:,',
  });

  it('upgrades entries written before the schema version was kept, and keeps every one', async () => {
    await fake.storage.local.set({ 'history:000000000000001:a': entry('a', 1), 'history:000000000000002:b': entry('b', 2) });
    await history.add({ ...entry('c', 3), via: 'upload' });
    expect(await historyVersion.getValue()).toBe(2);
    expect((await history.list()).map((e) => [e.id, e.via])).toEqual([['c', 'upload'], ['b', undefined], ['a', undefined]]);
  });

  it('tells watchers which entries were removed', async () => {
    await history.add(entry('a', 10));
    const removed: string[][] = [];
    const unwatch = watchHistory(({ removedIds }) => removed.push(removedIds));
    await history.remove('a');
    unwatch();
    expect(removed).toEqual([['a']]);
  });
});
