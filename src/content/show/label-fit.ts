/**
 * How big a label is drawn so that it is read as its own picture's. An everyday label may be as
 * wide as its picture (wrapping only when the picture is narrow). A presenter label is fitted to
 * its picture rather than moved off it: the biggest type that fits inside, on one line, else on
 * two, else smaller still without the icon; only a picture too small for any of these (a
 * thumbnail) gets its label beside it, in type no taller than the picture.
 */
import type { Box, Size } from '../geometry/box';
import { INSET } from './card-position';

/** One way to draw a label: type size, most lines, whether the icon shows; `width`: most it may take. */
export interface Fit {
  font: number;
  lines: number;
  icon: boolean;
  width: number;
}

/** Presenter sizes tried on the picture, biggest first (24 CSS px is 36 device px at 150 % zoom). */
const ON_PICTURE: [font: number, lines: number, icon: boolean][] = [
  [40, 1, true], [36, 1, true], [32, 1, true], [28, 1, true], [28, 1, false], [32, 2, true], [28, 2, true],
  [24, 1, true], [24, 1, false], [24, 2, true], [24, 2, false], [22, 2, false], [20, 2, false], [18, 3, false],
];
/** Presenter sizes beside a picture too small to hold any of those (one line, as tall as the picture at most). */
const BESIDE = [40, 32, 28, 24, 20];
/** A presenter label covers at most this share of its picture's height: the picture stays visible. */
const MOST_OF_HEIGHT = 0.5;
/** An everyday label's width: as wide as the picture allows, within these bounds. */
const EVERYDAY_MIN = 120;
const EVERYDAY_MAX = 560;
const EVERYDAY_BESIDE = 260;

/** What the label looks like when drawn with a fit, and whether its words all show. */
export interface Measured extends Size {
  complete: boolean;
}

/** An everyday label: one size; as wide as the room inside the picture, or a fixed width beside it. */
export function everydayFit(anchor: Box | undefined): Fit {
  const inside = anchor ? Math.floor(anchor.width - 2 * INSET) : EVERYDAY_BESIDE;
  const width = inside < EVERYDAY_MIN ? EVERYDAY_BESIDE : Math.min(EVERYDAY_MAX, inside);
  return { font: 15, lines: 0, icon: true, width };
}

/**
 * A presenter label: the first size (biggest first) whose words all show inside the picture,
 * leaving most of it visible; else the biggest one-line size beside it no taller than the picture
 * and no wider than the room beside it in `viewport`.
 * `measure` draws the label with a fit and reads it back.
 */
export function presenterFit(anchor: Box | undefined, viewport: Box, measure: (fit: Fit) => Measured): Fit {
  const room = anchor
    ? { width: anchor.width - 2 * INSET, height: Math.min(anchor.height - 2 * INSET, anchor.height * MOST_OF_HEIGHT) }
    : undefined;
  if (room) {
    for (const [font, lines, icon] of ON_PICTURE) {
      const fit = { font, lines, icon, width: Math.floor(room.width) };
      const drawn = measure(fit);
      if (drawn.complete && drawn.width <= room.width && drawn.height <= room.height) return fit;
    }
  }
  const tallest = anchor ? Math.max(anchor.height, 40) : Infinity;
  // The room to the right of the picture (where a label goes first), else to its left, within the view.
  const rooms = anchor
    ? [viewport.left + viewport.width - (anchor.left + anchor.width) - INSET, anchor.left - viewport.left - INSET]
    : [viewport.width - 2 * INSET];
  for (const room of rooms) {
    for (const font of BESIDE) {
      const fit = { font, lines: 1, icon: true, width: Math.floor(Math.min(room, font * 14)) };
      const drawn = measure(fit);
      if (drawn.complete && drawn.height <= tallest && drawn.width <= room) return fit;
    }
  }
  return { font: BESIDE.at(-1)!, lines: 1, icon: true, width: Math.floor(Math.max(...rooms, 120)) };
}

/** Draws the label (`root`: the card's root, holding `.chip` and its words `.short`) with `fit`. */
export function applyFit(root: HTMLElement, fit: Fit): void {
  const style = root.style;
  const set = (name: string, value: string) => {
    if (style.getPropertyValue(name) !== value) style.setProperty(name, value);
  };
  set('--fit', `${fit.width}px`);
  set('--font', `${fit.font}px`);
  set('--lines', String(Math.max(1, fit.lines)));
  root.toggleAttribute('data-wrap', fit.lines > 1);
  root.classList.toggle('bare', !fit.icon);
}

/** Draws the label with `fit` and reads its size back, and whether every word shows (none cut off or hidden). */
export function measureFit(root: HTMLElement, fit: Fit): Measured {
  applyFit(root, fit);
  const chip = root.querySelector('.chip');
  const words = root.querySelector('.chip .short');
  const rect = chip?.getBoundingClientRect() ?? { width: 0, height: 0 };
  const complete = !words || (words.scrollWidth <= words.clientWidth && words.scrollHeight <= words.clientHeight);
  return { width: Math.ceil(rect.width), height: Math.ceil(rect.height), complete };
}
