import { describe, expect, it } from 'vitest';
import {
  gridSize, hottestMask, normalise, paintViews, randomCellMask, randomSquareMask, sampleMap, toBytes,
} from '../../../../src/offscreen/explain/heatmap';

const count = (mask: Uint8Array) => mask.reduce((a, b) => a + b, 0);

describe('sampleMap', () => {
  const map = Float32Array.from([0, 1, 2, 3]); // 2x2: top row 0 1, bottom row 2 3
  it('returns cell values at cell centres and interpolates between them', () => {
    expect(sampleMap(map, 2, 0.25, 0.25)).toBe(0);
    expect(sampleMap(map, 2, 0.75, 0.75)).toBe(3);
    expect(sampleMap(map, 2, 0.5, 0.25)).toBeCloseTo(0.5);
    expect(sampleMap(map, 2, 0.5, 0.5)).toBeCloseTo(1.5);
  });
  it('holds the edge values beyond the outer cell centres', () => {
    expect(sampleMap(map, 2, 0, 0)).toBe(0);
    expect(sampleMap(map, 2, 1, 1)).toBe(3);
  });
});

describe('paintViews', () => {
  it('places a view map on its own region of the picture and leaves unseen parts at 0', () => {
    // A 300x100 picture; one view covers its right third with a uniform map of 2.
    const out = paintViews([{ rect: { x: 200, y: 0, width: 100, height: 100 }, map: Float32Array.from([2]), side: 1, weight: 1 }], 300, 100, 6, 2);
    expect(Array.from(out)).toEqual([0, 0, 0, 0, 2, 2, 0, 0, 0, 0, 2, 2]);
  });

  it('aligns a hot cell with the same place in the picture', () => {
    // 2x2 map, hot bottom-left, over the left square of a 2:1 picture.
    const out = paintViews([{ rect: { x: 0, y: 0, width: 100, height: 100 }, map: Float32Array.from([0, 0, 1, 0]), side: 2, weight: 1 }], 200, 100, 4, 2);
    expect(out.indexOf(Math.max(...out))).toBe(4); // row 1, column 0
  });

  it('takes the strongest weighted value where views overlap', () => {
    const views = [
      { rect: { x: 0, y: 0, width: 100, height: 100 }, map: Float32Array.from([1]), side: 1, weight: 0.2 },
      { rect: { x: 50, y: 0, width: 100, height: 100 }, map: Float32Array.from([1]), side: 1, weight: 0.8 },
    ];
    expect(Array.from(paintViews(views, 150, 100, 3, 1)).map((v) => Math.round(v * 10) / 10)).toEqual([0.2, 0.8, 0.8]);
  });
});

describe('normalise and bytes', () => {
  it('scales by the largest value and clips negatives', () => {
    expect(Array.from(normalise(Float32Array.from([-1, 0, 2, 4])))).toEqual([0, 0, 0.5, 1]);
  });
  it('leaves an all-zero map at zero', () => {
    expect(Array.from(normalise(new Float32Array(3)))).toEqual([0, 0, 0]);
  });
  it('maps [0, 1] to 0..255', () => {
    expect(Array.from(toBytes(Float32Array.from([0, 0.5, 1, 2])))).toEqual([0, 128, 255, 255]);
  });
});

describe('gridSize', () => {
  it('keeps the aspect ratio with the longer side at 48 cells', () => {
    expect(gridSize(900, 300)).toEqual({ width: 48, height: 16 });
    expect(gridSize(480, 640)).toEqual({ width: 36, height: 48 });
  });
});

describe('deletion-test masks', () => {
  it('the hottest mask takes the requested fraction, from the hot side of the map', () => {
    const mask = hottestMask(Float32Array.from([1, 0, 0, 0]), 2, 10, 0.2);
    expect(count(mask)).toBe(20);
    expect(mask[0]).toBe(1);
    expect(mask[99]).toBe(0);
  });
  it('random masks blank 20 % of the view', () => {
    let seed = 1;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647);
    expect(count(randomCellMask(70, 7, 0.2, random))).toBe(10 * 100);
    expect(count(randomSquareMask(100, 0.2, random))).toBe(45 * 45);
  });
});
