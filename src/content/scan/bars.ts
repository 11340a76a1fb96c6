/**
 * The page's fixed and sticky bars (headers, cookie banners, floating toolbars) on screen, found
 * ONCE for a screenful of pictures by a grid of hit tests over the viewport, instead of 12 x 5 hit
 * tests per picture (screen-area.ts's default): which rows of a picture a bar covers then follows
 * from boxes alone.
 */
import type { Box } from '../geometry/box';
import type { CoverCheck } from '../read/screen-area';

const COLUMNS = 8;
const ROWS = 6;
/** Rows of a picture checked, as screen-area.ts does. */
const PICTURE_ROWS = 12;

interface Bar {
  element: Element;
  box: Box;
}

const isOurs = (element: Element): boolean => element.hasAttribute('data-glimpse-ui') || element.hasAttribute('data-glimpse-card');

/** The fixed or sticky element `hit` is in, if any (`positions` caches each element's answer). */
function barOf(hit: Element, positions: Map<Element, Element | null>): Element | null {
  const path: Element[] = [];
  let found: Element | null = null;
  for (let node: Element | null = hit; node; node = node.parentElement) {
    if (positions.has(node)) {
      found = positions.get(node)!;
      break;
    }
    path.push(node);
    const position = getComputedStyle(node).position;
    if (position === 'fixed' || position === 'sticky') {
      found = node;
      break;
    }
  }
  for (const node of path) positions.set(node, found);
  return found;
}

/** The bars on screen now (about 50 hit tests in all). */
export function screenBars(): Bar[] {
  const width = document.documentElement.clientWidth || innerWidth;
  const height = document.documentElement.clientHeight || innerHeight;
  const positions = new Map<Element, Element | null>();
  const bars = new Set<Element>();
  for (let row = 0; row <= ROWS; row++) {
    for (let column = 0; column <= COLUMNS; column++) {
      const x = Math.min(width - 2, Math.max(1, (column * width) / COLUMNS));
      const y = Math.min(height - 2, Math.max(1, (row * height) / ROWS));
      const hit = document.elementsFromPoint(x, y).find((element) => !isOurs(element));
      const bar = hit && barOf(hit, positions);
      if (bar) bars.add(bar);
    }
  }
  return [...bars].map((element) => {
    const rect = element.getBoundingClientRect();
    return { element, box: { left: rect.left, top: rect.top, width: rect.width, height: rect.height } };
  });
}

/** Which rows of a picture's visible box `bars` cover edge to edge (bars holding the picture, or inside it, do not count). */
export function coverBy(bars: Bar[]): CoverCheck {
  return (element, box) => {
    const over = bars.filter((bar) => !bar.element.contains(element) && !element.contains(bar.element)
      && bar.box.left <= box.left + 0.5 && bar.box.left + bar.box.width >= box.left + box.width - 0.5);
    return Array.from({ length: PICTURE_ROWS }, (_, row) => {
      const y = box.top + ((row + 0.5) * box.height) / PICTURE_ROWS;
      return over.some((bar) => bar.box.top <= y && bar.box.top + bar.box.height >= y);
    });
  };
}
