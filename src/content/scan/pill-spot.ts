/**
 * Where the scan's pill sits: at the bottom of the window, in the middle, else at its left or
 * right, else at the top; the first of these spots that covers none of the page's controls
 * (buttons, links, form fields: "Add to basket") and no picture, found by what is under a few
 * points of each spot. When every spot covers something, the one covering least.
 */
import { overlapArea, type Box, type Size } from '../geometry/box';

const MARGIN = 16;
const CONTROLS = 'button, a[href], input, select, textarea, summary, label, [role="button"], [role="link"], [role="tab"], [contenteditable=""], [contenteditable="true"]';
const PICTURES = new Set(['img', 'video', 'canvas', 'svg', 'picture', 'object', 'embed', 'iframe']);

/** What on the page `box` would cover: controls count most, pictures next (by area). */
function covered(box: Box, ownHost: Element): number {
  const seen = new Set<Element>();
  let cost = 0;
  const steps = 4;
  for (let i = 0; i <= steps; i++) {
    for (let j = 0; j <= 2; j++) {
      const x = box.left + (box.width * i) / steps;
      const y = box.top + (box.height * j) / 2;
      for (const element of document.elementsFromPoint(x, y)) {
        if (element === ownHost || element.hasAttribute('data-glimpse-ui') || seen.has(element)) continue;
        seen.add(element);
        const rect = element.getBoundingClientRect();
        const area = overlapArea(box, { left: rect.left, top: rect.top, width: rect.width, height: rect.height });
        if (element.closest(CONTROLS)) cost += 1_000_000 + area;
        else if (PICTURES.has(element.localName)) cost += area;
      }
    }
  }
  return cost;
}

/** The top-left corner for a pill of `size` in a window of `view` (CSS px), and its host to leave out. */
export function pillSpot(size: Size, view: Size, ownHost: Element): { left: number; top: number } {
  const bottom = view.height - size.height - MARGIN;
  const spots = [
    { left: (view.width - size.width) / 2, top: bottom },
    { left: MARGIN, top: bottom },
    { left: view.width - size.width - MARGIN, top: bottom },
    { left: (view.width - size.width) / 2, top: MARGIN },
  ].map((spot) => ({ left: Math.max(0, Math.round(spot.left)), top: Math.max(0, Math.round(spot.top)) }));
  let best = spots[0]!;
  let least = Infinity;
  for (const spot of spots) {
    const cost = covered({ ...spot, ...size }, ownHost);
    if (cost === 0) return spot;
    if (cost < least) [best, least] = [spot, cost];
  }
  return best;
}
