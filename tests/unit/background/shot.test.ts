import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const captures: { tabId: number; bitmap: { close: ReturnType<typeof vi.fn> } }[] = [];
vi.mock('../../../src/background/capture', () => ({
  captureTab: vi.fn(async (tabId: number) => {
    const bitmap = { close: vi.fn() };
    captures.push({ tabId, bitmap });
    return bitmap;
  }),
}));

const { heldShots, joinShot } = await import('../../../src/background/shot');

describe('one capture for a screenful of a page scan (shot.ts)', () => {
  beforeEach(() => {
    captures.length = 0;
    vi.useFakeTimers();
  });
  afterEach(async () => {
    await vi.runAllTimersAsync();
    vi.useRealTimers();
  });

  it('requests of one shot share one capture; it is taken only when a picture needs the screen', async () => {
    const first = joinShot(1, 10, 'a');
    const second = joinShot(1, 10, 'a');
    expect(captures).toHaveLength(0);
    const [x, y] = await Promise.all([first.screen(), second.screen(), first.screen()]);
    expect(x).toBe(y);
    expect(captures).toHaveLength(1);
    expect(first.capturedAt()).toBeTypeOf('number');
    first.release();
    second.release();
  });

  it('another shot, or another tab, gets its own capture', async () => {
    const uses = [joinShot(1, 10, 'a'), joinShot(1, 10, 'b'), joinShot(2, 10, 'a')];
    for (const use of uses) await use.screen();
    expect(captures.map((capture) => capture.tabId)).toEqual([1, 1, 2]);
    for (const use of uses) use.release();
  });

  it('the capture is closed a moment after its last request is done, not before', async () => {
    const first = joinShot(3, 10, 'c');
    const second = joinShot(3, 10, 'c');
    await first.screen();
    first.release();
    first.release(); // twice changes nothing
    await vi.advanceTimersByTimeAsync(5000);
    expect(captures[0]!.bitmap.close).not.toHaveBeenCalled();
    second.release();
    await vi.advanceTimersByTimeAsync(5000);
    expect(captures[0]!.bitmap.close).toHaveBeenCalledTimes(1);
    expect(heldShots()).toBe(0);
  });

  it('a request of the shot that comes within the grace period still shares the capture', async () => {
    const first = joinShot(4, 10, 'd');
    await first.screen();
    first.release();
    await vi.advanceTimersByTimeAsync(200);
    const late = joinShot(4, 10, 'd');
    await late.screen();
    expect(captures).toHaveLength(1);
    late.release();
  });
});
