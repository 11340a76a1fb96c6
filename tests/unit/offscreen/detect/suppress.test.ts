import { describe, expect, it } from 'vitest';
import { iou, suppress, type Scored } from '../../../../src/offscreen/detect/suppress';

const box = (x0: number, y0: number, x1: number, y1: number, score: number, kind = 16): Scored => ({ box: [x0, y0, x1, y1], score, kind });

describe('suppression across views', () => {
  it('keeps one of two boxes of the same thing, the better one', () => {
    const kept = suppress([box(0, 0, 100, 100, 0.6), box(5, 5, 105, 105, 0.9)]);
    expect(kept).toEqual([box(5, 5, 105, 105, 0.9)]);
  });
  it('drops a tile cut of a thing inside the whole view box', () => {
    expect(suppress([box(0, 0, 400, 300, 0.8), box(200, 0, 400, 300, 0.7)])).toHaveLength(1);
  });
  it('keeps two things side by side, and different things that merely overlap', () => {
    expect(suppress([box(0, 0, 100, 100, 0.8), box(120, 0, 220, 100, 0.7)])).toHaveLength(2);
    expect(suppress([box(0, 0, 100, 200, 0.8, 0), box(40, 100, 140, 200, 0.7, 16)])).toHaveLength(2);
  });
  it('keeps one name for one thing when the detector hesitated between two', () => {
    expect(suppress([box(0, 0, 100, 100, 0.5, 15), box(2, 2, 100, 100, 0.7, 16)])).toEqual([box(2, 2, 100, 100, 0.7, 16)]);
  });
  it('measures overlap as intersection over union', () => {
    expect(iou([0, 0, 10, 10], [5, 0, 15, 10])).toBeCloseTo(1 / 3);
    expect(iou([0, 0, 10, 10], [20, 20, 30, 30])).toBe(0);
  });
});
