import { describe, expect, it } from 'vitest';
import { fittedRect } from '../../../src/content/object-fit';

const photo = { width: 400, height: 200 };

describe('fittedRect', () => {
  it('fill stretches the picture over the box', () => {
    expect(fittedRect(photo, 300, 300, 'fill')).toEqual({ left: 0, top: 0, width: 300, height: 300 });
  });
  it('contain centres the whole picture with bands', () => {
    expect(fittedRect(photo, 300, 300, 'contain')).toEqual({ left: 0, top: 75, width: 300, height: 150 });
  });
  it('cover overflows the box on the long side, centred by default', () => {
    expect(fittedRect(photo, 300, 300, 'cover')).toEqual({ left: -150, top: 0, width: 600, height: 300 });
  });
  it('follows object-position keywords, percentages and lengths', () => {
    expect(fittedRect(photo, 300, 300, 'cover', '0% 50%').left).toBeCloseTo(0);
    expect(fittedRect(photo, 300, 300, 'cover', '100% 50%').left).toBe(-300);
    expect(fittedRect(photo, 300, 300, 'contain', '50% 0px').top).toBeCloseTo(0);
  });
  it('none keeps the natural size; scale-down never enlarges', () => {
    expect(fittedRect(photo, 300, 300, 'none')).toEqual({ left: -50, top: 50, width: 400, height: 200 });
    expect(fittedRect(photo, 800, 800, 'scale-down')).toEqual({ left: 200, top: 300, width: 400, height: 200 });
  });
});
