import { describe, expect, it } from 'vitest';
import { cropAround } from '../../../../src/offscreen/detect/find-objects';

describe("the classifier's crop around a box", () => {
  it('is a square a little larger than the box, centred on it', () => {
    expect(cropAround([400, 200, 600, 300], 1200, 600)).toEqual({ x: 380, y: 130, width: 240, height: 240 });
  });
  it('stays inside the picture near its edges', () => {
    const crop = cropAround([0, 0, 200, 100], 1200, 600);
    expect(crop.x).toBe(0);
    expect(crop.y).toBe(0);
    expect(crop.width).toBeCloseTo(240);
  });
  it('shows a speck with its surroundings', () => {
    const crop = cropAround([600, 300, 620, 310], 1200, 600);
    expect(crop.width).toBeCloseTo(90);
    expect(crop.x + crop.width / 2).toBeCloseTo(610);
  });
});
