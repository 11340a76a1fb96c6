/** What a label must know about the page around it, read from the DOM: boxes in viewport CSS px. */
import { intersect, type Box } from '../geometry/box';

/** An element's box in this window's viewport, even when it lives in a same-origin child frame. */
export function boxInViewport(element: Element): Box {
  const rect = element.getBoundingClientRect();
  let { left, top } = rect;
  let view: Window | null = element.ownerDocument.defaultView;
  while (view && view !== window && view.frameElement) {
    const frame = view.frameElement;
    const frameRect = frame.getBoundingClientRect();
    left += frameRect.left + frame.clientLeft;
    top += frameRect.top + frame.clientTop;
    view = view.parent;
  }
  return { left, top, width: rect.width, height: rect.height };
}

/** The viewport without its scrollbars, which a label must not sit under. */
export function viewportBox(): Box {
  const root = document.documentElement;
  const standards = document.compatMode === 'CSS1Compat';
  return { left: 0, top: 0, width: standards ? root.clientWidth : innerWidth, height: standards ? root.clientHeight : innerHeight };
}

const CLIPS = /(auto|scroll|hidden|clip)/;

/** The ancestors that cut off what overflows them (scrolling boxes, carousels), nearest first, up to the root. */
export function clippingAncestors(element: Element): Element[] {
  const found: Element[] = [];
  for (let node = element.parentElement; node && node !== node.ownerDocument.documentElement && node !== node.ownerDocument.body; node = node.parentElement) {
    const style = getComputedStyle(node);
    if (CLIPS.test(style.overflowX) || CLIPS.test(style.overflowY)) found.push(node);
    if (style.position === 'fixed') break;
  }
  return found;
}

/** Where a picture can be seen: the viewport, narrowed by each ancestor that clips it. */
export function clipFor(ancestors: Element[], viewport: Box): Box {
  let clip = viewport;
  for (const ancestor of ancestors) if (ancestor.isConnected) clip = intersect(clip, boxInViewport(ancestor));
  return clip;
}

const isOurs = (element: Element): boolean => element.hasAttribute('data-glimpse-ui');

/**
 * The page's fixed and sticky bars (headers, cookie banners, toolbars) along the edges of the
 * view, found by what is at a few points along each edge, so a label can keep off them. Bars
 * that hold `keep` (the picture itself is in a sticky header) do not count.
 */
export function pageBars(viewport: Box, keep: Element[] = []): Box[] {
  const points: [number, number][] = [];
  for (let i = 1; i <= 7; i++) {
    const x = (viewport.width * i) / 8;
    points.push([x, 2], [x, viewport.height - 3]);
  }
  for (let i = 1; i <= 3; i++) points.push([2, (viewport.height * i) / 4], [viewport.width - 3, (viewport.height * i) / 4]);
  const bars = new Set<Element>();
  for (const [x, y] of points) {
    for (let node = document.elementFromPoint(x, y); node && node !== document.documentElement && node !== document.body; node = node.parentElement) {
      if (isOurs(node)) break;
      const position = getComputedStyle(node).position;
      if (position === 'fixed' || position === 'sticky') {
        bars.add(node);
        break;
      }
    }
  }
  const boxes: Box[] = [];
  for (const bar of bars) {
    if (keep.some((element) => bar.contains(element))) continue;
    const box = boxInViewport(bar);
    // A fixed layer over the whole page (a lightbox's backdrop) is the page, not a bar.
    if (box.width * box.height > 0.5 * viewport.width * viewport.height) continue;
    boxes.push(box);
  }
  return boxes;
}

const PICTURE_TAGS = new Set(['img', 'video', 'canvas', 'svg', 'object', 'embed', 'picture']);
/** Smaller than this is an icon or a spacer, which a label may cover. */
const MIN_PICTURE_SIDE = 40;

/**
 * The pictures in `area` (boxes in the viewport), for a label to keep off: found by what is at a
 * grid of points `step` px apart, so the cost depends on the area, not on how many pictures the
 * page has (a page of 3,000 thumbnails costs what a page of ten does).
 */
export function picturesIn(area: Box, viewport: Box, step: number): { element: Element; box: Box }[] {
  const found = new Map<Element, Box>();
  const left = Math.max(area.left, viewport.left + 1);
  const top = Math.max(area.top, viewport.top + 1);
  const right = Math.min(area.left + area.width, viewport.left + viewport.width - 1);
  const bottom = Math.min(area.top + area.height, viewport.top + viewport.height - 1);
  // Evenly spread, the area's far edges included (a picture reaching only into the edge of a
  // label's reach is still one it would cover).
  const spread = (from: number, to: number): number[] => {
    const count = Math.max(1, Math.ceil((to - from) / step));
    return Array.from({ length: count + 1 }, (_, i) => from + ((to - from) * i) / count);
  };
  for (const y of bottom >= top ? spread(top, bottom) : []) {
    for (const x of right >= left ? spread(left, right) : []) {
      for (const element of document.elementsFromPoint(x, y)) {
        if (found.has(element) || !PICTURE_TAGS.has(element.localName) || isOurs(element)) continue;
        const rect = element.getBoundingClientRect();
        if (rect.width < MIN_PICTURE_SIDE || rect.height < MIN_PICTURE_SIDE) continue;
        found.set(element, { left: rect.left, top: rect.top, width: rect.width, height: rect.height });
      }
    }
  }
  return [...found].map(([element, box]) => ({ element, box }));
}
