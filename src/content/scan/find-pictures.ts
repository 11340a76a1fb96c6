/**
 * Finding every picture a person would call an image on the page, without freezing it: the walk
 * works in slices of a few milliseconds and gives the page back between them. Pictures that
 * come later (late-pictures.ts) go through the same index.
 */
import { targetOf } from '../find/image-target';
import { backgroundCrop } from './sprite';

/** Smaller than this on either side (CSS pixels) is an icon, a spacer or a tracking pixel, not a picture. */
export const MIN_PICTURE_SIDE = 50;
/** Longest stretch of work between two yields; far under the 50 ms that makes a long task. */
const SLICE_MS = 4;

/** One distinct picture and every element on the page that shows it. */
export interface Picture {
  /** Its address (with the crop, for a tile of a sprite sheet), or the element itself when it has none (canvas, video, inline SVG). */
  key: string | Element;
  elements: Element[];
}

const MEDIA = new Set(['img', 'canvas', 'video', 'svg', 'input', 'image']);
const SKIPPED = new Set(['script', 'style', 'template', 'noscript', 'head', 'title', 'meta', 'link', 'iframe', 'frame', 'object', 'embed']);

const isGlimpseUi = (element: Element): boolean =>
  element.hasAttribute('data-glimpse-ui') || element.hasAttribute('data-glimpse-card');

/** Gives the page a turn: input, rendering and its own tasks run before the walk goes on. */
export function yieldToPage(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  return scheduler?.yield ? scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

/** Whether an element is drawn large enough to be a picture, and can be seen at all. */
export function isPictureSized(element: Element): boolean {
  const rect = element.getBoundingClientRect();
  if (rect.width < MIN_PICTURE_SIDE || rect.height < MIN_PICTURE_SIDE) return false;
  return element.checkVisibility?.({ opacityProperty: true, visibilityProperty: true }) ?? true;
}

/**
 * The distinct picture `element` shows, if it is one worth identifying. A CSS background is
 * keyed with the part of the image it shows: tiles of one sprite sheet are different pictures.
 * `onSprite` hears of addresses shown moved off the usual anchors (sprite sheets).
 */
export function pictureKeyOf(element: Element, onSprite?: (url: string) => void): string | Element | undefined {
  const doc = element.ownerDocument;
  if (element === doc.documentElement || element === doc.body) return undefined;
  // Non-media elements are sized first: most are small, and that spares a style lookup each.
  if (!MEDIA.has(element.localName) && !isPictureSized(element)) return undefined;
  const target = targetOf(element);
  if (!target) return undefined;
  if (MEDIA.has(element.localName) && !isPictureSized(element)) return undefined;
  if (target.kind !== 'url') return element;
  if (element.localName === 'img' || MEDIA.has(element.localName)) return target.url;
  const { crop, offset } = backgroundCrop(element);
  if (offset) onSprite?.(target.url);
  return `${target.url}#glimpse-crop=${crop}`;
}

/**
 * An <img loading="lazy"> the browser has not loaded yet and has no size until it does: it
 * cannot be told from an icon now, but it is most likely a picture the person will scroll to.
 */
export function isPendingLazyImage(element: Element): boolean {
  if (element.localName !== 'img') return false;
  const img = element as HTMLImageElement;
  if (img.loading !== 'lazy' || img.complete || !(img.currentSrc || img.src || img.srcset)) return false;
  const rect = img.getBoundingClientRect();
  return (rect.width === 0 || rect.height === 0) && img.checkVisibility({ visibilityProperty: true });
}

/** The pictures found so far, by what they show; each element belongs to one picture at most. */
export class PictureIndex {
  private readonly byKey = new Map<string | Element, Picture>();
  private readonly byElement = new Map<Element, Picture>();
  /** Addresses some element shows as a tile of a sprite sheet. */
  private readonly sprites = new Set<string>();

  /** Adds `element` if it shows a picture: the picture, and whether it is new (first element showing it). */
  add(element: Element): { picture: Picture; isNew: boolean } | undefined {
    if (this.byElement.has(element) || isGlimpseUi(element)) return undefined;
    const key = pictureKeyOf(element, (url) => this.sprites.add(url));
    if (key === undefined) return undefined;
    const known = this.byKey.get(key);
    const picture = known ?? { key, elements: [] };
    if (!known) this.byKey.set(key, picture);
    picture.elements.push(element);
    this.byElement.set(element, picture);
    return { picture, isNew: !known };
  }

  pictureOf(element: Element): Picture | undefined {
    return this.byElement.get(element);
  }

  /** Whether `url` is a sprite sheet: some element shows only a tile of it (each tile is then read from the screen). */
  isSpriteSheet(url: string): boolean {
    return this.sprites.has(url);
  }
}

function* elementsOf(root: Document | ShadowRoot | Element): Generator<Element> {
  const start = root instanceof Document ? (root.body ?? root.documentElement) : root;
  if (!start) return;
  if (start instanceof Element && !(root instanceof Document)) yield start;
  const walker = document.createTreeWalker(start, NodeFilter.SHOW_ELEMENT, {
    acceptNode: (node) =>
      SKIPPED.has((node as Element).localName) || isGlimpseUi(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) yield node as Element;
}

/**
 * Visits every element under `roots` (open shadow roots included), in slices that give the page
 * a turn between them; stops early when `signal` aborts. Answers how many slices it took.
 */
export async function walkElements(
  roots: (Document | ShadowRoot | Element)[], signal: AbortSignal, visit: (element: Element) => void,
): Promise<number> {
  const queue = [...roots];
  let sliceStart = performance.now();
  let slices = 1;
  while (queue.length > 0) {
    for (const element of elementsOf(queue.shift()!)) {
      if (signal.aborted) return slices;
      if (element.shadowRoot) queue.push(element.shadowRoot);
      visit(element);
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        sliceStart = performance.now();
        slices++;
      }
    }
  }
  return slices;
}
