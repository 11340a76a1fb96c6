/** Where a label goes: pure geometry, in viewport CSS pixels. */

import { area, bottom, overlapArea, right, visiblePart, type Box, type Size } from '../geometry/box';

/** Where the label sits relative to its picture: inside one of its corners, on one of its edges, or at a point. */
export type Side = 'inside-top-left' | 'inside-top-right' | 'inside-bottom-left' | 'inside-bottom-right'
  | 'above' | 'below' | 'right' | 'left' | 'point';

export interface Placement {
  left: number;
  top: number;
  /** False while the picture is out of view (scrolled away, under a sticky bar): the label hides with it. */
  visible: boolean;
  side: Side;
}

export interface LabelScene {
  /** The label's own size. */
  size: Size;
  /** The picture's box (undefined: nothing to pin to, use `point`). */
  anchor: Box | undefined;
  /** The window's viewport, without scrollbars: a label never leaves it. */
  viewport: Box;
  /** Where the part of the picture a person can see ends: the viewport, narrowed by scrolling ancestors. */
  clip: Box;
  /** Where to go without a picture: the point that was clicked. */
  point: { x: number; y: number };
  /** The page's own fixed and sticky bars (headers, toolbars): a label never sits on them when it can avoid it. */
  covers: Box[];
  /** Other pictures on screen: a label covers at most a sliver of them. */
  pictures: Box[];
  /** Labels already placed: never overlapped. */
  taken: Box[];
  /** An open card: beside its picture first (it would hide the picture it describes), on it only when there is no room around. */
  besideFirst?: boolean;
}

/** Inset from the picture's edges for a label inside it. */
export const INSET = 6;
export const GAP = 8;

interface Candidate {
  side: Side;
  left: number;
  top: number;
}

/**
 * Inside the picture's top-left corner when it fits (it covers nothing else there), else in its
 * other corners, else on its edges touching it (beside first for a picture too small for the
 * label, below and above first for one it fits); each spot scored
 * by what it would cover: the page's sticky bars and labels already placed count most, other
 * pictures by the share of them covered, leaving the view excludes a spot.
 */
function candidates(size: Size, anchor: Box, seen: Box, view: Box, besideFirst = false): Candidate[] {
  const list: Candidate[] = [];
  const fitsInside = size.width + 2 * INSET <= seen.width && size.height + 2 * INSET <= seen.height;
  if (fitsInside) {
    const leftIn = seen.left + INSET;
    const rightIn = right(seen) - INSET - size.width;
    const topIn = seen.top + INSET;
    const bottomIn = bottom(seen) - INSET - size.height;
    list.push({ side: 'inside-top-left', left: leftIn, top: topIn }, { side: 'inside-top-right', left: rightIn, top: topIn },
      { side: 'inside-bottom-left', left: leftIn, top: bottomIn }, { side: 'inside-bottom-right', left: rightIn, top: bottomIn });
  }
  const alignedLeft = seen.left;
  const alignedRight = right(seen) - size.width;
  // Beside the picture: level with the top of its visible part (a small picture's middle, where
  // the label's pointer meets it), moved up (while still touching the picture) when that would
  // run off the bottom of the view.
  const level = anchor.height <= 3 * size.height ? seen.top + (seen.height - size.height) / 2 : seen.top;
  const besideTop = Math.max(Math.min(level, bottom(view) - size.height), anchor.top - size.height + 1, view.top);
  // An edge of the picture that is cut off by the view cannot hold a label touching it.
  const below: Candidate[] = bottom(anchor) <= bottom(seen) + 0.5
    ? [{ side: 'below', left: alignedLeft, top: bottom(anchor) }, { side: 'below', left: alignedRight, top: bottom(anchor) }] : [];
  const above: Candidate[] = anchor.top >= seen.top - 0.5
    ? [{ side: 'above', left: alignedLeft, top: anchor.top - size.height }, { side: 'above', left: alignedRight, top: anchor.top - size.height }] : [];
  const besides: Candidate[] = [];
  if (right(anchor) <= right(seen) + 0.5) besides.push({ side: 'right', left: right(anchor), top: besideTop });
  if (anchor.left >= seen.left - 0.5) besides.push({ side: 'left', left: anchor.left - size.width, top: besideTop });
  // A label that fits (but is crowded out of its corners) stays on an edge it shares the width
  // of; a picture too small for it (a thumbnail) has it beside, in line with the text a list
  // puts there, rather than in the gap towards the next picture.
  list.push(...(fitsInside ? [...below, ...above, ...besides] : [...besides, ...below, ...above]));
  if (besideFirst && fitsInside) list.push(...list.splice(0, 4));
  if (!fitsInside) {
    // A picture smaller than its label, with no room around it: the label starts at its corner.
    list.push({ side: 'inside-top-left', left: seen.left, top: seen.top });
  }
  return list;
}

const HARD = 1e6;

function cost(box: Box, order: number, scene: LabelScene): number {
  const view = scene.viewport;
  let total = order;
  if (box.left < view.left - 0.5 || box.top < view.top - 0.5 || right(box) > right(view) + 0.5 || bottom(box) > bottom(view) + 0.5) {
    total += 100 * HARD;
  }
  for (const cover of scene.covers) total += overlapArea(box, cover) * HARD;
  for (const label of scene.taken) total += overlapArea(box, label) * HARD;
  for (const picture of scene.pictures) {
    const covered = overlapArea(box, picture) / Math.max(1, area(picture));
    // A sliver (under 2% of a picture) is tolerated; more costs in proportion.
    if (covered > 0.02) total += covered * 10_000;
  }
  return total;
}

/** Where the label of a picture goes; without a picture, just below-right of the point. */
export function placeLabel(scene: LabelScene): Placement {
  const { size, anchor, clip, viewport } = scene;
  if (!anchor) {
    let left = Math.min(Math.max(scene.point.x + GAP, viewport.left + GAP), right(viewport) - size.width - GAP);
    let top = Math.min(Math.max(scene.point.y + GAP, viewport.top + GAP), bottom(viewport) - size.height - GAP);
    left = Math.max(left, viewport.left);
    top = Math.max(top, viewport.top);
    for (let step = 0; step < scene.taken.length; step++) {
      const clash = scene.taken.find((box) => overlapArea({ left, top, ...size }, box) > 0);
      if (!clash) break;
      top = bottom(clash) + GAP;
    }
    return { left: Math.round(left), top: Math.round(top), visible: true, side: 'point' };
  }
  const seen = visiblePart(anchor, clip, scene.covers);
  const hidden = { left: Math.round(anchor.left), top: Math.round(anchor.top), visible: false, side: 'inside-top-left' as const };
  if (seen.width < 1 || seen.height < 1) return hidden;
  let best: Candidate | undefined;
  let bestCost = Infinity;
  candidates(size, anchor, seen, scene.viewport, scene.besideFirst).forEach((candidate, order) => {
    const price = cost({ left: candidate.left, top: candidate.top, ...size }, order, scene);
    if (price < bestCost) [best, bestCost] = [candidate, price];
  });
  // Every spot leaves the view: the picture is all but gone (a few pixels at an edge).
  if (!best || bestCost >= 100 * HARD) return hidden;
  return { left: Math.round(best.left), top: Math.round(best.top), visible: true, side: best.side };
}
