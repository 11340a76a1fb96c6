import { centreCropRegion, type Rect } from '../shared/geometry';

/**
 * A picture at least this much longer than wide (or wider than long) is looked at as a row of
 * squares rather than only its centre: a 4:3 or 3:2 photo keeps the standard centre crop.
 */
export const MULTI_VIEW_MIN_RATIO = 1.6;

/**
 * The square regions (source pixels) the model looks at. Near-square pictures: the standard
 * ImageNet centre crop. Far-from-square ones: full-height (or full-width) squares spread evenly
 * from one end to the other, as many as it takes to cover the picture with some overlap, so
 * an object anywhere in a banner is seen whole in at least one of them.
 */
export function viewsOf(width: number, height: number, count = Math.ceil(longRatio(width, height) - 1e-9)): Rect[] {
  if (longRatio(width, height) < MULTI_VIEW_MIN_RATIO) return [centreCropRegion(width, height)];
  const side = Math.min(width, height);
  const travel = Math.max(width, height) - side;
  return Array.from({ length: count }, (_, i) => {
    const offset = count === 1 ? travel / 2 : (travel * i) / (count - 1);
    return width >= height
      ? { x: offset, y: 0, width: side, height: side }
      : { x: 0, y: offset, width: side, height: side };
  });
}

/** How many times longer the picture's long side is than its short side (>= 1). */
export const longRatio = (width: number, height: number): number => Math.max(width, height) / Math.min(width, height);
