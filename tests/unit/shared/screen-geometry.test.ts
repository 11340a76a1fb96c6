import { describe, expect, it } from 'vitest';
import { EMPTY_BOX, intersect, partOf, pictureBox, trimCoveredRows } from '../../../src/shared/screen-geometry';

const box = (left: number, top: number, width: number, height: number) => ({ left, top, width, height });

describe('screen geometry', () => {
  it('intersects boxes, empty when apart', () => {
    expect(intersect(box(0, 0, 100, 100), box(50, 60, 100, 100))).toEqual(box(50, 60, 50, 40));
    expect(intersect(box(0, 0, 10, 10), box(20, 20, 5, 5))).toEqual(EMPTY_BOX);
  });

  it('places the picture inside its box by object-fit', () => {
    const content = box(0, 0, 400, 400);
    const natural = { width: 800, height: 400 };
    expect(pictureBox(content, natural, 'fill')).toEqual(content);
    expect(pictureBox(content, natural, 'contain')).toEqual(box(0, 100, 400, 200));
    expect(pictureBox(content, natural, 'cover')).toEqual(box(-200, 0, 800, 400));
    expect(pictureBox(content, { width: 100, height: 50 }, 'scale-down')).toEqual(box(150, 175, 100, 50));
    expect(pictureBox(content, { width: 100, height: 50 }, 'none')).toEqual(box(150, 175, 100, 50));
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
});
