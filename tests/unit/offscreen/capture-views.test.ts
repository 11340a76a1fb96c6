import { describe, expect, it, vi } from 'vitest';
import { capturedViews } from '../../../src/offscreen/capture-views';
import type { PreparedImage } from '../../../src/offscreen/prepare';
import type { ScreenArea } from '../../../src/shared/types';

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

describe("a page scan's capture, cut by the engine (capture-views.ts)", () => {
  it('decodes the capture once and cuts each picture only when its views are taken', async () => {
    const { log, decode, cut } = capture();
    const [first, second] = capturedViews(new ArrayBuffer(9), [area(0), area(100)], decode, cut);
    expect(decode).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    expect(cut).not.toHaveBeenCalled();
    await first!.take();
    expect(log).toEqual(['cut 0']);
    await second!.take();
    // Both cut: the capture is no longer needed (each crop's bitmap goes with its answer).
    expect(log).toEqual(['cut 0', 'cut 100', 'capture closed']);
  });

  it('lets the capture go once every picture is cut or discarded, and cuts none that was discarded', async () => {
    const { log, decode, cut } = capture();
    const [a, b, c] = capturedViews(new ArrayBuffer(9), [area(0), area(100), area(200)], decode, cut);
    a!.discard();
    a!.discard();
    await b!.take();
    expect(log).toEqual(['cut 100']);
    c!.discard();
    await Promise.resolve();
    expect(log).toEqual(['cut 100', 'capture closed']);
    expect(cut).toHaveBeenCalledTimes(1);
  });
});
