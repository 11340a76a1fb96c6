/**
 * Finding every picture a person would call an image on the page, without freezing it: the walk
 * works in slices of a few milliseconds and gives the page back between them.
 */
import { targetOf } from '../image-target';

/** Smaller than this on either side (CSS pixels) is an icon, a spacer or a tracking pixel, not a picture. */
export const MIN_PICTURE_SIDE = 50;
/** Longest stretch of work between two yields; far under the 50 ms that makes a long task. */
const SLICE_MS = 4;

/** One distinct picture and every element on the page that shows it. */
export interface Picture {
  /** Its address, or the element itself when it has none (canvas, video, inline SVG). */
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

/** The distinct picture `element` shows, if it is one worth identifying. */
export function pictureKeyOf(element: Element): string | Element | undefined {
  const doc = element.ownerDocument;
  if (element === doc.documentElement || element === doc.body) return undefined;
  // Non-media elements are sized first: most are small, and that spares a style lookup each.
  if (!MEDIA.has(element.localName) && !isPictureSized(element)) return undefined;
  const target = targetOf(element);
  if (!target) return undefined;
  if (MEDIA.has(element.localName) && !isPictureSized(element)) return undefined;
  return target.kind === 'url' ? target.url : element;
}

function* elementsOf(root: Document | ShadowRoot): Generator<Element> {
  const start = root instanceof Document ? (root.body ?? root.documentElement) : root;
  if (!start) return;
  const walker = document.createTreeWalker(start, NodeFilter.SHOW_ELEMENT, {
    acceptNode: (node) =>
      SKIPPED.has((node as Element).localName) || isGlimpseUi(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT,
  });
  for (let node = walker.nextNode(); node; node = walker.nextNode()) yield node as Element;
}

/**
 * Walks the page (open shadow roots included) and reports each distinct picture as it is found,
 * through `onPicture`; a picture shown by several elements is reported once, with each later
 * element added to it. Stops early when `signal` aborts. Answers how many slices the walk took.
 */
export async function findPictures(signal: AbortSignal, onPicture: (picture: Picture, isNew: boolean) => void): Promise<number> {
  const byKey = new Map<string | Element, Picture>();
  const roots: (Document | ShadowRoot)[] = [document];
  let sliceStart = performance.now();
  let slices = 1;
  while (roots.length > 0) {
    for (const element of elementsOf(roots.shift()!)) {
      if (signal.aborted) return slices;
      if (element.shadowRoot) roots.push(element.shadowRoot);
      const key = pictureKeyOf(element);
      if (key !== undefined) {
        const known = byKey.get(key);
        if (known) known.elements.push(element);
        else byKey.set(key, { key, elements: [element] });
        onPicture(byKey.get(key)!, !known);
      }
      if (performance.now() - sliceStart > SLICE_MS) {
        await yieldToPage();
        sliceStart = performance.now();
        slices++;
      }
    }
  }
  return slices;
}
