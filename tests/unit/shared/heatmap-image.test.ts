import { describe, expect, it } from 'vitest';
import { explanationCells, heatmapRgba, viridis } from '../../../src/shared/heatmap-image';
import type { Explanation } from '../../../src/shared/types';

const explanation = (bytes: number[], width: number, height: number): Explanation => ({
  method: 'grad-cam', classIndex: 0, width, height, cells: Buffer.from(bytes).toString('base64'),
});

describe('viridis', () => {
  it('runs from dark purple to yellow, getting lighter all the way (readable in greyscale)', () => {
    expect(viridis(0)).toEqual([68, 1, 84]);
    expect(viridis(1)).toEqual([253, 231, 37]);
    const luminance = ([r, g, b]: number[]) => 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    for (let t = 0.05; t <= 1; t += 0.05) expect(luminance(viridis(t))).toBeGreaterThan(luminance(viridis(t - 0.05)));
  });
  it('clamps values outside [0, 1]', () => {
    expect(viridis(-1)).toEqual(viridis(0));
    expect(viridis(2)).toEqual(viridis(1));
  });
});

describe('explanation grid', () => {
  it('decodes the cells row by row', () => {
    expect(Array.from(explanationCells(explanation([0, 128, 255, 7, 8, 9], 3, 2)))).toEqual([0, 128, 255, 7, 8, 9]);
  });
  it('refuses a grid whose size does not match', () => {
    expect(() => explanationCells(explanation([1, 2, 3], 2, 2))).toThrow(RangeError);
  });
  it('colours each cell and makes the important ones more opaque', () => {
    const rgba = heatmapRgba(explanation([0, 255], 2, 1));
    expect(Array.from(rgba.slice(0, 3))).toEqual(viridis(0));
    expect(Array.from(rgba.slice(4, 7))).toEqual(viridis(1));
    expect(rgba[7]!).toBeGreaterThan(rgba[3]!);
  });
});
