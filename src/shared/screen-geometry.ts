/** Pure geometry for reading pictures off the screen (CSS pixels, viewport coordinates). */
import type { PicturePart } from './types';

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export const EMPTY_BOX: Box = { left: 0, top: 0, width: 0, height: 0 };

export function intersect(a: Box, b: Box): Box {
  const left = Math.max(a.left, b.left);
  const top = Math.max(a.top, b.top);
  const right = Math.min(a.left + a.width, b.left + b.width);
  const bottom = Math.min(a.top + a.height, b.top + b.height);
  return right > left && bottom > top ? { left, top, width: right - left, height: bottom - top } : EMPTY_BOX;
}

export const isEmpty = (box: Box): boolean => !(box.width > 0 && box.height > 0);

export const shift = (box: Box, dx: number, dy: number): Box => ({ ...box, left: box.left + dx, top: box.top + dy });

/**
 * Where a replaced element (img, video) draws its picture inside its content box, by
 * `object-fit` (centred, as the default object-position puts it).
 */
export function pictureBox(content: Box, natural: { width: number; height: number }, fit: string): Box {
  if (!(natural.width > 0 && natural.height > 0) || fit === 'fill' || !fit) return content;
  const contain = Math.min(content.width / natural.width, content.height / natural.height);
  const cover = Math.max(content.width / natural.width, content.height / natural.height);
  const scale = fit === 'contain' ? contain : fit === 'cover' ? cover : fit === 'none' ? 1 : Math.min(1, contain); // scale-down
  const width = natural.width * scale;
  const height = natural.height * scale;
  return { left: content.left + (content.width - width) / 2, top: content.top + (content.height - height) / 2, width, height };
}

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
