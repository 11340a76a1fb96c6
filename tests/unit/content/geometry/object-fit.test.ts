import { describe, expect, it } from 'vitest';
import { fittedBox } from '../../../../src/content/geometry/object-fit';

const photo = { width: 400, height: 200 };
const box = (left: number, top: number, width: number, height: number) => ({ left, top, width, height });
const square = box(0, 0, 300, 300);

describe('fittedBox', () => {
  it('fill (or no object-fit) stretches the picture over the box', () => {
    expect(fittedBox(square, photo, 'fill')).toEqual(square);
    expect(fittedBox(square, photo, '')).toEqual(square);
  });
  it('contain centres the whole picture with bands', () => {
    expect(fittedBox(square, photo, 'contain')).toEqual(box(0, 75, 300, 150));
  });
  it('cover overflows the box on the long side, centred by default', () => {
    expect(fittedBox(square, photo, 'cover')).toEqual(box(-150, 0, 600, 300));
  });
  it('follows object-position keywords, percentages and lengths', () => {
    expect(fittedBox(square, photo, 'cover', '0% 50%').left).toBeCloseTo(0);
    expect(fittedBox(square, photo, 'cover', '100% 50%').left).toBe(-300);
    expect(fittedBox(square, photo, 'contain', '50% 0px').top).toBeCloseTo(0);
    expect(fittedBox(square, photo, 'contain', 'left bottom')).toEqual(box(0, 150, 300, 150));
    expect(fittedBox(square, photo, 'none', '10px 20px')).toEqual(box(10, 20, 400, 200));
  });
  it('none keeps the natural size; scale-down never enlarges', () => {
    expect(fittedBox(square, photo, 'none')).toEqual(box(-50, 50, 400, 200));
    expect(fittedBox(box(0, 0, 800, 800), photo, 'scale-down')).toEqual(box(200, 300, 400, 200));
    expect(fittedBox(box(0, 0, 400, 400), { width: 800, height: 400 }, 'scale-down')).toEqual(box(0, 100, 400, 200));
  });
  it('lies in the content box where it is on screen', () => {
    expect(fittedBox(box(100, 40, 300, 300), photo, 'contain')).toEqual(box(100, 115, 300, 150));
  });
  it('an unknown natural size (not loaded) fills the box', () => {
    expect(fittedBox(square, { width: 0, height: 0 }, 'cover')).toEqual(square);
  });
});
