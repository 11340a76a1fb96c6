import { describe, expect, it } from 'vitest';
import { EMPTY_BOX, intersect, overlapArea, partOf, shift, trimCoveredRows, visiblePart } from '../../../../src/content/geometry/box';

const box = (left: number, top: number, width: number, height: number) => ({ left, top, width, height });

describe('screen geometry', () => {
  it('intersects boxes, empty when apart', () => {
    expect(intersect(box(0, 0, 100, 100), box(50, 60, 100, 100))).toEqual(box(50, 60, 50, 40));
    expect(intersect(box(0, 0, 10, 10), box(20, 20, 5, 5))).toEqual(EMPTY_BOX);
    expect(overlapArea(box(0, 0, 10, 10), box(5, 5, 10, 10))).toBe(25);
    expect(overlapArea(box(0, 0, 10, 10), box(20, 0, 10, 10))).toBe(0);
  });

  it('moves a box', () => {
    expect(shift(box(1, 2, 3, 4), 10, -2)).toEqual(box(11, 0, 3, 4));
  });

  it('says which part of the picture a visible box shows', () => {
    expect(partOf(box(-200 + 200, 0, 400, 400), box(-200, 0, 800, 400))).toEqual({ x: 0.25, y: 0, width: 0.5, height: 1 });
  });

  it('trims bands a sticky bar covers at the top and bottom, not holes in the middle', () => {
    const visible = box(0, 0, 100, 120);
    expect(trimCoveredRows(visible, [true, true, false, false, false, true])).toEqual(box(0, 40, 100, 60));
    expect(trimCoveredRows(visible, [false, true, false])).toEqual(visible);
    expect(trimCoveredRows(visible, [true, true])).toEqual(EMPTY_BOX);
  });

  it('sees a picture clipped by the view and without the bars across its top', () => {
    const view = box(0, 0, 800, 600);
    expect(visiblePart(box(100, -50, 200, 200), view, [])).toEqual(box(100, 0, 200, 150));
    expect(visiblePart(box(100, 0, 200, 200), view, [box(0, 0, 800, 60)])).toEqual(box(100, 60, 200, 140));
    expect(visiblePart(box(100, 900, 200, 200), view, []).width).toBe(0);
  });
});
