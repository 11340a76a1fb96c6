import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

/** The offscreen document as the host sees it: whether it exists, and what its engine answers. */
const offscreen = vi.hoisted(() => ({
  exists: false,
  created: 0,
  closed: 0,
  /** What each `stats` request does, in order (after the listener check made on creation). */
  answers: [] as (() => Promise<unknown>)[],
}));

vi.mock('../../../src/background/offscreen-document', () => ({
  hasOffscreenDocument: async () => offscreen.exists,
  createOffscreenDocument: async () => {
    offscreen.created++;
    offscreen.exists = true;
  },
  closeOffscreenDocument: async () => {
    offscreen.closed++;
    offscreen.exists = false;
  },
}));
vi.mock('../../../src/shared/store', () => ({ engineStatus: { setValue: async () => undefined } }));
vi.mock('../../../src/background/engine-options', () => ({ engineOptions: async () => ({ backend: 'auto' }) }));
vi.mock('../../../src/shared/messaging', () => ({
  send: (_to: string, type: string) => {
    if (type !== 'stats') throw new Error(`unexpected ${type}`);
    const next = offscreen.answers.shift();
    return next ? next() : Promise.resolve({ numTensors: 0 });
  },
}));

const { engineStats } = await import('../../../src/background/engine-host');
const { LIMITS } = await import('../../../src/shared/limits');

const stats = { numTensors: 113, numBytes: 1, modelLoads: 1, classified: 1, queued: 0 };
const gone = () => Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));

beforeEach(() => {
  Object.assign(offscreen, { exists: false, created: 0, closed: 0, answers: [] });
});
afterEach(() => vi.useRealTimers());

describe('callEngine (through engineStats)', () => {
  it('creates the engine document once, however many requests arrive together', async () => {
    const answers = await Promise.all([engineStats(), engineStats(), engineStats()]);
    expect(answers).toHaveLength(3);
    expect(offscreen.created).toBe(1);
  });

  it('recreates a document that went away mid-request and asks once more', async () => {
    offscreen.exists = true;
    offscreen.answers = [
      () => {
        offscreen.exists = false;
        return gone();
      },
      () => Promise.resolve({ ready: true }),
      () => Promise.resolve(stats),
    ];
    expect(await engineStats()).toEqual(stats);
    expect(offscreen.created).toBe(1);
  });

  it('gives up as "interrupted" when the document is gone twice in a row', async () => {
    offscreen.exists = true;
    offscreen.answers = [gone, gone];
    await expect(engineStats()).rejects.toMatchObject({ error: { code: 'interrupted' } });
  });

  it('closes a hung engine so the next request starts afresh', async () => {
    vi.useFakeTimers();
    offscreen.exists = true;
    offscreen.answers = [() => new Promise(() => undefined)];
    const answer = engineStats().catch((error: unknown) => error);
    await vi.advanceTimersByTimeAsync(LIMITS.engineTimeoutMs + 1);
    expect(await answer).toMatchObject({ error: { code: 'interrupted' } });
    expect(offscreen.closed).toBe(1);
  });
});
