import { describe, expect, it } from 'vitest';
import { DETECTOR_SIZE, detectionViews, STRIDE } from '../../../../src/offscreen/detect/views';

const pixels = (view: { inputWidth: number; inputHeight: number }) => view.inputWidth * view.inputHeight;

describe('how the detector sees a picture', () => {
  it('sees a 2:1 picture whole at its own shape: once large (85 %), once small, never letterboxed into a square', () => {
    const [large, small] = detectionViews(1200, 600);
    expect(large).toEqual({ inputWidth: 1024, inputHeight: 512, scale: 1024 / 1200 });
    expect(small).toMatchObject({ inputWidth: 384, inputHeight: 192 });
    // Both together cost what 2.3 squares of 512 cost, against 3 for a letterboxed whole view and two square tiles.
    expect((pixels(large!) + pixels(small!)) / DETECTOR_SIZE ** 2).toBeCloseTo(2.28, 2);
  });
  it('gives the detector inputs whose sides are multiples of its stride, the picture drawn inside them', () => {
    for (const [width, height] of [[1200, 600], [640, 480], [333, 777], [4000, 3000], [3000, 300], [50, 40]] as const) {
      for (const view of detectionViews(width, height)) {
        expect(view.inputWidth % STRIDE).toBe(0);
        expect(view.inputHeight % STRIDE).toBe(0);
        expect(width * view.scale).toBeLessThanOrEqual(view.inputWidth + 1e-9);
        expect(height * view.scale).toBeLessThanOrEqual(view.inputHeight + 1e-9);
        expect(pixels(view)).toBeLessThanOrEqual(2 * DETECTOR_SIZE ** 2);
      }
    }
  });
  it('never enlarges a picture beyond its own size, except a small one, to the size the detector was trained on', () => {
    expect(detectionViews(640, 480)[0]).toEqual({ inputWidth: 640, inputHeight: 480, scale: 1 });
    const [small] = detectionViews(256, 128);
    expect(small).toEqual({ inputWidth: 512, inputHeight: 256, scale: 2 });
    expect(detectionViews(256, 128)).toHaveLength(1);
  });
  it('sees a large photo shrunk to the budget, keeping its shape', () => {
    const [large] = detectionViews(4000, 3000);
    expect(large!.scale).toBeCloseTo(Math.sqrt((2 * DETECTOR_SIZE ** 2) / 12e6), 1);
    expect(large!.inputWidth / large!.inputHeight).toBeCloseTo(4 / 3, 1);
  });
});
