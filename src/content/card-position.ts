/** Where a card goes: pure geometry, in viewport CSS pixels. */

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface Placement {
  left: number;
  top: number;
  /** False while the image is scrolled out of view: the card hides with it. */
  visible: boolean;
}

export const GAP = 8;

const right = (box: Box): number => box.left + box.width;
const bottom = (box: Box): number => box.top + box.height;
const overlaps = (a: Box, b: Box): boolean =>
  a.left < right(b) && b.left < right(a) && a.top < bottom(b) && b.top < bottom(a);
const clamp = (value: number, min: number, max: number): number => Math.min(Math.max(value, min), Math.max(min, max));

/**
 * Beside the image: to its right, else its left, else below, else above, and inside its
 * top-left corner when it fills the screen. Without an image, just below-right of the point
 * that was clicked. Cards already on screen (`taken`) are stepped around, downwards.
 */
export function placeCard(
  card: { width: number; height: number },
  viewport: { width: number; height: number },
  anchor: Box | undefined,
  point: { x: number; y: number },
  taken: Box[] = [],
): Placement {
  const fitsX = (left: number) => left >= GAP && left + card.width <= viewport.width - GAP;
  const fitsY = (top: number) => top >= GAP && top + card.height <= viewport.height - GAP;
  let left = point.x + GAP;
  let top = point.y + GAP;
  let visible = true;
  if (anchor) {
    visible = right(anchor) > 0 && anchor.left < viewport.width && bottom(anchor) > 0 && anchor.top < viewport.height;
    // Level with the top of the part of the image that is on screen.
    const besideTop = Math.max(anchor.top, GAP);
    const besideLeft = Math.max(anchor.left, GAP);
    if (fitsX(right(anchor) + GAP)) [left, top] = [right(anchor) + GAP, besideTop];
    else if (fitsX(anchor.left - GAP - card.width)) [left, top] = [anchor.left - GAP - card.width, besideTop];
    else if (fitsY(bottom(anchor) + GAP)) [left, top] = [besideLeft, bottom(anchor) + GAP];
    else if (fitsY(anchor.top - GAP - card.height)) [left, top] = [besideLeft, anchor.top - GAP - card.height];
    else [left, top] = [Math.max(anchor.left, 0) + GAP, Math.max(anchor.top, 0) + GAP];
  }
  left = clamp(left, GAP, viewport.width - card.width - GAP);
  top = clamp(top, GAP, viewport.height - card.height - GAP);
  for (let step = 0; step < taken.length; step++) {
    const clash = taken.find((box) => overlaps({ left, top, ...card }, box));
    if (!clash) break;
    top = bottom(clash) + GAP;
  }
  return { left: Math.round(left), top: Math.round(top), visible };
}
