/**
 * Non-maximum suppression across the detector's views: the same thing seen at both scales (or a
 * part of it boxed on its own) is kept once, as its best-scoring box.
 */
export type Box = [number, number, number, number];

export interface Scored {
  box: Box;
  score: number;
  /** Boxes of different kinds only suppress each other when they overlap almost entirely. */
  kind: number;
}

/** Same kind: overlapping this much (intersection over union) is the same thing. */
export const SAME_KIND_IOU = 0.5;
/** Same kind: a box this much inside a better one is a part of it. */
export const INSIDE_FRACTION = 0.8;
/** Different kinds: only this much overlap says the detector hesitated between two names for one thing. */
export const OTHER_KIND_IOU = 0.75;

export const area = ([x0, y0, x1, y1]: Box): number => Math.max(0, x1 - x0) * Math.max(0, y1 - y0);

export function intersection(a: Box, b: Box): number {
  return area([Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])]);
}

export function iou(a: Box, b: Box): number {
  const common = intersection(a, b);
  const union = area(a) + area(b) - common;
  return union > 0 ? common / union : 0;
}

/** Whether `weaker` is the same thing as the already kept `kept`. */
function duplicates(kept: Scored, weaker: Scored): boolean {
  const overlap = iou(kept.box, weaker.box);
  if (kept.kind !== weaker.kind) return overlap >= OTHER_KIND_IOU;
  if (overlap >= SAME_KIND_IOU) return true;
  const smaller = Math.min(area(kept.box), area(weaker.box));
  return smaller > 0 && intersection(kept.box, weaker.box) / smaller >= INSIDE_FRACTION;
}

/** The boxes that survive, best first. */
export function suppress<T extends Scored>(boxes: readonly T[]): T[] {
  const kept: T[] = [];
  for (const box of [...boxes].sort((a, b) => b.score - a.score)) {
    if (!kept.some((k) => duplicates(k, box))) kept.push(box);
  }
  return kept;
}
