/**
 * Where a picture is seen on screen: its visible part in the top frame's viewport (clipped by
 * scrolling containers, frames, the viewport, and sticky bars over it), and which part of the
 * picture that is. The service worker captures it from there, or checks a download against it.
 */
import type { OnScreen } from '../../shared/types';
import { intersect, isEmpty, partOf, shift, trimCoveredRows, type Box } from '../geometry/box';
import { boxOf, clipByAncestors, contentBox, drawnIn, viewportOf } from '../geometry/element-box';
import { framePosition } from './frame-position';

/** Below this (CSS px on a side) a visible sliver tells nothing about the picture. */
const MIN_VISIBLE_SIDE = 8;
const SAMPLE_ROWS = 12;
const SAMPLE_COLUMNS = 5;

/**
 * The box the picture itself is drawn in (an img's object-fit and object-position, a video's
 * letterboxing), and the part of it that shows: a replaced element cuts what overflows its
 * content box (a "cover" picture), so its neighbours are never taken for it.
 */
function drawnBox(element: Element): { drawn: Box; shown: Box } {
  if (!['img', 'video', 'canvas'].includes(element.localName)) {
    const box = boxOf(element.getBoundingClientRect());
    return { drawn: box, shown: box };
  }
  const content = contentBox(element);
  const drawn = drawnIn(element, content);
  return { drawn, shown: intersect(drawn, content) };
}

function isGlimpse(element: Element): boolean {
  return element.hasAttribute('data-glimpse-ui') || element.hasAttribute('data-glimpse-card');
}

/** Whether `element` is (inside) a fixed or sticky bar. */
function inFixedBar(element: Element): boolean {
  for (let node: Element | null = element; node; node = node.parentElement) {
    const position = getComputedStyle(node).position;
    if (position === 'fixed' || position === 'sticky') return true;
  }
  return false;
}

/**
 * Rows of the visible box that a fixed or sticky bar covers (sampled with elementsFromPoint).
 * Transparent overlays that scroll with the page are not trimmed: the picture shows through them.
 */
function coveredRows(element: Element, box: Box): boolean[] {
  const document = element.ownerDocument;
  const rows: boolean[] = [];
  for (let row = 0; row < SAMPLE_ROWS; row++) {
    const y = box.top + ((row + 0.5) * box.height) / SAMPLE_ROWS;
    let covered = 0;
    for (let column = 0; column < SAMPLE_COLUMNS; column++) {
      const x = box.left + ((column + 0.5) * box.width) / SAMPLE_COLUMNS;
      const top = document.elementsFromPoint(x, y).find((hit) => !isGlimpse(hit));
      if (top && top !== element && !element.contains(top) && !top.contains(element) && inFixedBar(top)) covered++;
    }
    rows.push(covered === SAMPLE_COLUMNS);
  }
  return rows;
}

/**
 * Moves a box from its frame's viewport to the top one: same-origin frames are walked directly;
 * past a frame of another origin, the parent frames' content scripts say where this frame is.
 */
async function toTopViewport(view: Window, box: Box, picture: Box): Promise<{ box: Box; picture: Box; dpr: number } | undefined> {
  let current = view;
  let [visible, drawn] = [intersect(box, viewportOf(view)), picture];
  while (current !== current.top) {
    let frame: Element | null;
    try {
      frame = current.frameElement;
    } catch {
      frame = null;
    }
    if (!frame) {
      if (current !== window) return undefined;
      const position = await framePosition();
      if (!position) return undefined;
      const { left, top } = position.offset;
      return { box: intersect(shift(visible, left, top), position.visible), picture: shift(drawn, left, top), dpr: position.dpr };
    }
    const parent = current.parent;
    const inner = contentBox(frame);
    [visible, drawn] = [intersect(shift(visible, inner.left, inner.top), inner), shift(drawn, inner.left, inner.top)];
    visible = intersect(clipByAncestors(frame, visible), viewportOf(parent));
    current = parent;
  }
  return { box: visible, picture: drawn, dpr: current.devicePixelRatio || 1 };
}

export interface Sighting {
  /** Where it is seen, when enough of it is. */
  onScreen?: OnScreen;
  /** Shown fine by the page, but not where the user can see it now. */
  offScreen: boolean;
}

/** Rows (top to bottom) of `box` that the page's own bars cover: `coveredRows` by default (12 x 5 hit tests). */
export type CoverCheck = (element: Element, box: Box) => boolean[];

/**
 * Where the picture `element` shows is visible, if it is. A page scan passes `covered`, which
 * answers from bars it found once for the whole screen instead of hit tests per picture.
 */
export async function sightingOf(element: Element, covered: CoverCheck = coveredRows): Promise<Sighting> {
  const view = element.ownerDocument.defaultView;
  if (!view) return { offScreen: false };
  if (!element.checkVisibility({ opacityProperty: true, visibilityProperty: true })) return { offScreen: true };
  const { drawn, shown } = drawnBox(element);
  if (isEmpty(shown)) return { offScreen: true };
  let visible = intersect(clipByAncestors(element, shown), viewportOf(view));
  if (!isEmpty(visible)) visible = trimCoveredRows(visible, covered(element, visible));
  const inTop = await toTopViewport(view, visible, drawn);
  // A frame of another origin in between: where it sits on screen is not this frame's to know.
  if (!inTop) return { offScreen: false };
  if (inTop.box.width < MIN_VISIBLE_SIDE || inTop.box.height < MIN_VISIBLE_SIDE) return { offScreen: true };
  const { left, top, width, height } = inTop.box;
  const inView = Math.min(1, (width * height) / (shown.width * shown.height));
  return {
    onScreen: { area: { left, top, width, height, dpr: inTop.dpr }, part: partOf(inTop.box, inTop.picture), inView },
    offScreen: false,
  };
}
