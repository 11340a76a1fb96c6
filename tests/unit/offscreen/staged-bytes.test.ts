import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreparedImage } from '../../../src/offscreen/prepare';
import { stage, takeStaged } from '../../../src/offscreen/staged-bytes';

function preparer() {
  const closed: number[] = [];
  const prepare = vi.fn(async (bytes: ArrayBuffer) => ({ bitmap: { close: () => closed.push(new Uint8Array(bytes)[0]!) } }) as unknown as PreparedImage);
  return { prepare, closed };
}

const bytes = (n: number) => new Uint8Array([n]).buffer;

describe('bytes sent ahead of their identification (staged-bytes.ts)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('decodes them at once and hands them out once; what is taken is not closed here', async () => {
    const { prepare, closed } = preparer();
    stage('a', bytes(1), prepare);
    expect(prepare).toHaveBeenCalledTimes(1);
    const found = takeStaged('a');
    expect(new Uint8Array(found!.bytes)[0]).toBe(1);
    await found!.views.take();
    expect(takeStaged('a')).toBeUndefined();
    await vi.runAllTimersAsync();
    expect(closed).toEqual([]);
  });

  it('drops what nobody took after five seconds, and beyond the last four, closing its bitmap', async () => {
    const { prepare, closed } = preparer();
    for (const n of [1, 2, 3, 4, 5]) stage(`id${n}`, bytes(n), prepare);
    await vi.advanceTimersByTimeAsync(0);
    expect(closed).toEqual([1]);
    expect(takeStaged('id1')).toBeUndefined();
    await vi.advanceTimersByTimeAsync(5_001);
    expect(closed.sort()).toEqual([1, 2, 3, 4, 5]);
    expect(takeStaged('id5')).toBeUndefined();
  });
});
