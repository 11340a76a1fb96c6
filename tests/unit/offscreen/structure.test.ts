import { describe, expect, it } from 'vitest';
import { neighbourCorrelation } from '../../../src/offscreen/structure';

const SIZE = 64;
const picture = (pixel: (x: number, y: number) => [number, number, number]): Float32Array => {
  const rgb = new Float32Array(SIZE * SIZE * 3);
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) rgb.set(pixel(x, y), (y * SIZE + x) * 3);
  return rgb;
};

describe('neighbourCorrelation: does a picture have structure?', () => {
  it('is near 0 for random noise', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);
    expect(neighbourCorrelation(picture(() => [random(), random(), random()]), SIZE)).toBeLessThan(0.1);
  });
  it('is near 1 for smooth pictures and drawings with edges', () => {
    expect(neighbourCorrelation(picture((x, y) => [x / SIZE, y / SIZE, 0.5]), SIZE)).toBeGreaterThan(0.95);
    expect(neighbourCorrelation(picture((x) => (x < 20 || (x > 40 && x < 50) ? [1, 1, 1] : [0, 0, 0])), SIZE)).toBeGreaterThan(0.85);
  });
  it('is 1 for a flat picture (nothing to disagree about)', () => {
    expect(neighbourCorrelation(picture(() => [0.5, 0.5, 0.5]), SIZE)).toBe(1);
  });
});
