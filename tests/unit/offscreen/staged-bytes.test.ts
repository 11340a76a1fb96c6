import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PreparedImage } from '../../../src/offscreen/prepare';
import { stage, stageCapture, takeStaged } from '../../../src/offscreen/staged-bytes';
import type { ScreenArea } from '../../../src/shared/types';

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
    expect(new Uint8Array(found!.bytes!)[0]).toBe(1);
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

  describe("a page scan's capture, cut by the engine", () => {
    const area = (left: number): ScreenArea => ({ left, top: 0, width: 100, height: 100, dpr: 1 });

    function capture() {
      const log: string[] = [];
      const bitmap = { close: () => log.push('capture closed') } as unknown as ImageBitmap;
      const decode = vi.fn(async () => bitmap);
      const cut = vi.fn(async (_capture: ImageBitmap, { left }: ScreenArea) => {
        log.push(`cut ${left}`);
        return { bitmap: { close: () => log.push(`crop ${left} closed`) } } as unknown as PreparedImage;
      });
      return { log, decode, cut };
    }

    it('decodes the capture once and cuts each picture only when its views are taken', async () => {
      const { log, decode, cut } = capture();
      stageCapture(bytes(9), [{ id: 'c1', area: area(0) }, { id: 'c2', area: area(100) }], decode, cut);
      expect(decode).toHaveBeenCalledTimes(1);
      const first = takeStaged('c1')!;
      expect(first.bytes).toBeUndefined();
      await vi.advanceTimersByTimeAsync(0);
      expect(cut).not.toHaveBeenCalled();
      await first.views.take();
      expect(log).toEqual(['cut 0']);
      expect(takeStaged('c1')).toBeUndefined();
      await takeStaged('c2')!.views.take();
      // Both cut: the capture is no longer needed (each crop's bitmap goes with its answer).
      expect(log).toEqual(['cut 0', 'cut 100', 'capture closed']);
    });

    it('lets the capture go once every crop is cut, discarded or forgotten after five seconds', async () => {
      const { log, decode, cut } = capture();
      stageCapture(bytes(9), [{ id: 'd1', area: area(0) }, { id: 'd2', area: area(100) }, { id: 'd3', area: area(200) }], decode, cut);
      takeStaged('d1')!.views.discard();
      await takeStaged('d2')!.views.take();
      expect(log).toEqual(['cut 100']);
      await vi.advanceTimersByTimeAsync(5_001);
      expect(takeStaged('d3')).toBeUndefined();
      expect(log).toEqual(['cut 100', 'capture closed']);
      expect(cut).toHaveBeenCalledTimes(1);
    });
  });
});
