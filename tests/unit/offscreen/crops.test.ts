import { describe, expect, it } from 'vitest';
import { viewsOf } from '../../../src/offscreen/crops';
import { centreCropRegion } from '../../../src/shared/geometry';

describe('viewsOf', () => {
  it('keeps the standard centre crop for near-square pictures', () => {
    expect(viewsOf(640, 480)).toEqual([centreCropRegion(640, 480)]);
    expect(viewsOf(500, 750)).toEqual([centreCropRegion(500, 750)]);
  });

  it('covers a 3:1 banner with left, centre and right full-height squares', () => {
    expect(viewsOf(900, 300)).toEqual([
      { x: 0, y: 0, width: 300, height: 300 },
      { x: 300, y: 0, width: 300, height: 300 },
      { x: 600, y: 0, width: 300, height: 300 },
    ]);
  });

  it('covers a 1:3 poster top to bottom', () => {
    expect(viewsOf(200, 600).map((v) => v.y)).toEqual([0, 200, 400]);
    expect(viewsOf(200, 600).every((v) => v.x === 0 && v.width === 200 && v.height === 200)).toBe(true);
  });

  it('overlaps squares evenly when the ratio is not a whole number, ends included', () => {
    const views = viewsOf(500, 200);
    expect(views.map((v) => v.x)).toEqual([0, 150, 300]);
    expect(views.at(-1)!.x + views.at(-1)!.width).toBe(500);
  });
});
