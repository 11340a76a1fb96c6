/**
 * The one vocabulary for boxes on screen (CSS pixels, viewport coordinates): what a picture, a
 * label, a bar or a clip is, and the pure arithmetic on them.
 */
import type { PicturePart } from '../../shared/types';

export interface Size {
  width: number;
  height: number;
}

export interface Box extends Size {
  left: number;
  top: number;
}

export const EMPTY_BOX: Box = { left: 0, top: 0, width: 0, height: 0 };

export const right = (box: Box): number => box.left + box.width;
export const bottom = (box: Box): number => box.top + box.height;
export const area = (box: Box): number => Math.max(0, box.width) * Math.max(0, box.height);

/** The common part of two boxes; `EMPTY_BOX` when they do not overlap. */
export function intersect(a: Box, b: Box): Box {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const r = Math.min(right(a), right(b));
  const btm = Math.min(bottom(a), bottom(b));
  return r > left && btm > top ? { left, top, width: r - left, height: btm - top } : EMPTY_BOX;
}

export const isEmpty = (box: Box): boolean => !(box.width > 0 && box.height > 0);

export const overlapArea = (a: Box, b: Box): number => area(intersect(a, b));

export const shift = (box: Box, dx: number, dy: number): Box => ({ ...box, left: box.left + dx, top: box.top + dy });

/** Which part of `picture` (as fractions of its size) the box `visible` inside it shows. */
export function partOf(visible: Box, picture: Box): PicturePart {
  return {
    x: (visible.left - picture.left) / picture.width,
    y: (visible.top - picture.top) / picture.height,
    width: visible.width / picture.width,
    height: visible.height / picture.height,
  };
}

/**
 * Trims bands covered from the top and the bottom (a sticky header, a cookie bar): `coveredRows`
 * says, for rows of samples evenly spread from top to bottom, whether each is covered.
 */
export function trimCoveredRows(box: Box, coveredRows: boolean[]): Box {
  const n = coveredRows.length;
  if (n === 0) return box;
  let first = 0;
  while (first < n && coveredRows[first]) first++;
  let last = n - 1;
  while (last >= first && coveredRows[last]) last--;
  if (first > last) return EMPTY_BOX;
  const band = box.height / n;
  return { left: box.left, top: box.top + first * band, width: box.width, height: (last - first + 1) * band };
}

/** The part of the picture a person sees: clipped to the view, minus fixed bars across its top or bottom. */
export function visiblePart(anchor: Box, clip: Box, covers: Box[]): Box {
  let seen = intersect(anchor, clip);
  for (const cover of covers) {
    if (overlapArea(cover, seen) === 0) continue;
    const acrossWidth = cover.left <= seen.left + 1 && right(cover) >= right(seen) - 1;
    if (!acrossWidth) continue;
    if (cover.top <= seen.top) seen = { ...seen, top: bottom(cover), height: bottom(seen) - bottom(cover) };
    else if (bottom(cover) >= bottom(seen)) seen = { ...seen, height: cover.top - seen.top };
    if (seen.height <= 0) return { ...seen, height: 0 };
  }
  return seen;
}
