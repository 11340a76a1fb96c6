import { describe, expect, it } from 'vitest';
import { centreCropRegion, fitWithin } from '../../../src/shared/geometry';

describe('centreCropRegion (ImageNet evaluation crop: shorter side to 256, centre 224)', () => {
  it('takes the centred 224/256 of the shorter side of a landscape image', () => {
    const crop = centreCropRegion(512, 256);
    expect(crop.width).toBe(224);
    expect(crop.height).toBe(224);
    expect(crop.x).toBe((512 - 224) / 2);
    expect(crop.y).toBe(16);
  });

  it('does the same for portrait images', () => {
    const crop = centreCropRegion(375, 500);
    expect(crop.width).toBeCloseTo(328.125);
    expect(crop.x).toBeCloseTo((375 - 328.125) / 2);
    expect(crop.y).toBeCloseTo((500 - 328.125) / 2);
  });

  it('keeps the region inside the image for tiny and extreme shapes', () => {
    for (const [w, h] of [[1, 1], [3, 1000], [10000, 7], [224, 224]] as const) {
      const crop = centreCropRegion(w, h);
      expect(crop.x).toBeGreaterThanOrEqual(0);
      expect(crop.y).toBeGreaterThanOrEqual(0);
      expect(crop.x + crop.width).toBeLessThanOrEqual(w);
      expect(crop.y + crop.height).toBeLessThanOrEqual(h);
      expect(crop.width).toBeCloseTo(crop.height);
    }
  });

  it('rejects empty images', () => {
    expect(() => centreCropRegion(0, 10)).toThrow(RangeError);
  });
});

describe('fitWithin', () => {
  it('scales down keeping the aspect ratio', () => {
    expect(fitWithin(1000, 500, 200)).toEqual({ width: 200, height: 100 });
  });
  it('never upscales', () => {
    expect(fitWithin(50, 20, 200)).toEqual({ width: 50, height: 20 });
  });
  it('never returns a zero side', () => {
    expect(fitWithin(10000, 1, 100)).toEqual({ width: 100, height: 1 });
  });
});
