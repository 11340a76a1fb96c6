/**
 * What a person sees at a point, rather than what hit-testing finds: `elementsFromPoint` skips
 * pictures with `pointer-events: none` though they are painted on top, and lists pictures faded
 * out to nothing (a fade carousel's hidden slides). Used to name the visible picture on top and
 * to notice when a label's picture is no longer the one shown at its spot.
 */
import { elementsAt } from './elements-at-point';
import { isGlimpseUi, targetOf } from './image-target';

/** Below this opacity (its own times its ancestors') a picture counts as not shown (a gallery dimming the pictures not in focus still shows them). */
const SHOWN_OPACITY = 0.25;
/** A picture on top hides another when it covers at least this share of it. */
const COVERING_SHARE = 0.5;
const MAX_ANCESTORS = 16;

const PICTURES = 'img, canvas, video, svg, input[type="image"], object, embed';

/** Opacity as painted: the element's own times its ancestors' (a slide usually fades its wrapper). */
function paintedOpacity(element: Element): number {
  let opacity = 1;
  let at: Element | null = element;
  for (let depth = 0; at && depth < MAX_ANCESTORS && opacity >= 0.01; depth++) {
    opacity *= Number.parseFloat(getComputedStyle(at).opacity) || 0;
    at = at.parentElement;
  }
  return opacity;
}

/** Whether a person can see `element` at all: not hidden, not faded out. */
export function isShown(element: Element): boolean {
  if (getComputedStyle(element).visibility === 'hidden') return false;
  return paintedOpacity(element) >= SHOWN_OPACITY;
}

let seeThrough: CSSStyleSheet | null | undefined;

/**
 * Runs `look` with every picture hit-testable, whatever its `pointer-events`: a constructed
 * style sheet adopted for that one synchronous call and taken away before any page script can
 * run (no DOM mutation, nothing for a MutationObserver to see). Costs a style recalculation:
 * for one-off looks (the user's right-click or shortcut), not for every tick.
 */
function withPicturesHittable<T>(doc: Document, look: () => T): T {
  try {
    seeThrough ??= new CSSStyleSheet();
    if (!seeThrough.cssRules.length) seeThrough.replaceSync(`:is(${PICTURES}) { pointer-events: auto !important; }`);
  } catch {
    seeThrough = null;
  }
  const before = doc.adoptedStyleSheets;
  if (!seeThrough) return look();
  try {
    doc.adoptedStyleSheets = [...before, seeThrough];
  } catch {
    return look();
  }
  try {
    return look();
  } finally {
    doc.adoptedStyleSheets = before;
  }
}

/** Whether `element` is Glimpse's own: a card, the "Why?" heat-map, region select (or inside one's shadow root). */
function isOurs(element: Element): boolean {
  if (isGlimpseUi(element) || element.hasAttribute('data-glimpse-ui')) return true;
  for (let root = element.getRootNode(); root instanceof ShadowRoot; root = root.host.getRootNode()) {
    if (root.host.hasAttribute('data-glimpse-ui')) return true;
  }
  return false;
}

/** The topmost picture a person sees at a point of this frame's viewport (Glimpse's own cards aside). */
export function shownPictureAt(x: number, y: number, options: { seeThroughPointerEvents?: boolean } = {}): Element | undefined {
  const look = () => {
    for (const element of elementsAt(document, x, y)) {
      if (isOurs(element) || !targetOf(element)) continue;
      if (isShown(element)) return element;
    }
    return undefined;
  };
  return options.seeThroughPointerEvents ? withPicturesHittable(document, look) : look();
}

/** The share of `under`'s box that `over`'s box covers. */
function coveredShare(over: DOMRect, under: DOMRect): number {
  const width = Math.min(over.right, under.right) - Math.max(over.left, under.left);
  const height = Math.min(over.bottom, under.bottom) - Math.max(over.top, under.top);
  const area = under.width * under.height;
  return width > 0 && height > 0 && area > 0 ? (width * height) / area : 0;
}

/** Whether `over` hides most of `under` (a slide shown over another, a photo laid over a photo). */
export function covers(over: Element, under: Element): boolean {
  if (over === under || over.contains(under) || under.contains(over)) return false;
  return coveredShare(over.getBoundingClientRect(), under.getBoundingClientRect()) >= COVERING_SHARE;
}

/**
 * The picture shown in place of `element`: the visible picture on top at its centre when it is
 * another one that hides most of it. Undefined when `element` is what is seen there, or its
 * centre is off screen (nothing can be said).
 */
export function pictureShownOver(element: Element, options: { seeThroughPointerEvents?: boolean } = {}): Element | undefined {
  if (element.ownerDocument !== document) return undefined;
  const box = element.getBoundingClientRect();
  const x = box.left + box.width / 2;
  const y = box.top + box.height / 2;
  if (!(x >= 0 && y >= 0 && x < innerWidth && y < innerHeight)) return undefined;
  const top = shownPictureAt(x, y, options);
  return top && top !== element && covers(top, element) ? top : undefined;
}
