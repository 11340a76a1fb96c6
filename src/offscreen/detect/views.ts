/**
 * Where the detector looks in a picture. It sees 512x512 pixels: a 1200x600 picture shrinks to 43 %
 * and its small things vanish. So besides the whole picture, a picture large and wide enough is
 * also looked at as overlapping squares (tiles) spanning its short side, each seen at up to twice
 * the whole view's scale. The whole view finds what the tiles cut in two.
 */
import type { Rect } from '../../shared/geometry';

export const DETECTOR_SIZE = 512;
/** Tiles only pay when they show the picture at least this much larger than the whole view does. */
const MIN_GAIN = 1.4;

export function detectionViews(width: number, height: number): Rect[] {
  const whole: Rect = { x: 0, y: 0, width, height };
  const long = Math.max(width, height);
  const short = Math.min(width, height);
  const gain = Math.min(long / short, long / DETECTOR_SIZE);
  if (gain < MIN_GAIN) return [whole];
  const count = Math.ceil(long / short);
  const travel = long - short;
  const tiles = Array.from({ length: count }, (_, i): Rect => {
    const offset = count === 1 ? travel / 2 : (travel * i) / (count - 1);
    return width >= height ? { x: offset, y: 0, width: short, height: short } : { x: 0, y: offset, width: short, height: short };
  });
  return [whole, ...tiles];
}
