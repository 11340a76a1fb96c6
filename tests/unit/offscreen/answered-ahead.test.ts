import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { answerAhead, answeredAhead } from '../../../src/offscreen/answered-ahead';
import { GlimpseFailure } from '../../../src/shared/errors';
import type { Classification } from '../../../src/shared/types';

describe("a page scan's pictures answered as their capture arrives (answered-ahead.ts)", () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('starts the answer at once and hands it to the request that comes for it, once', async () => {
    const answer = vi.fn(async () => ({ predictions: [] }) as unknown as Classification);
    answerAhead('p1', answer);
    expect(answer).toHaveBeenCalledTimes(1);
    expect(await answeredAhead('p1')).toEqual({ ok: true, value: { predictions: [] } });
    expect(answeredAhead('p1')).toBeUndefined();
  });

  it('hands a failure over as the outcome it is', async () => {
    answerAhead('p2', () => Promise.reject(new GlimpseFailure({ code: 'busy', detail: 'full' })));
    expect(await answeredAhead('p2')).toEqual({ ok: false, error: { code: 'busy', detail: 'full' } });
  });

  it('forgets an answer nobody asked for after five seconds, and lets go of what the engine holds for it', async () => {
    const forget = vi.fn();
    answerAhead('p3', async () => ({ predictions: [] }) as unknown as Classification, forget);
    await vi.advanceTimersByTimeAsync(5_001);
    expect(answeredAhead('p3')).toBeUndefined();
    expect(forget).toHaveBeenCalledTimes(1);
  });

  it('leaves an answer that was taken to its taker', async () => {
    const forget = vi.fn();
    answerAhead('p4', async () => ({ predictions: [] }) as unknown as Classification, forget);
    await answeredAhead('p4');
    await vi.advanceTimersByTimeAsync(5_001);
    expect(forget).not.toHaveBeenCalled();
  });
});
