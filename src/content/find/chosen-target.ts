/**
 * What "Identify image" identifies: the picture the user right-clicked, whatever the page did
 * between the right-click and the menu choice. A carousel may have swapped the element's
 * picture, a script replaced the element, a banner pushed it down: the element from the
 * trusted right-click is followed wherever it went, and a picture it no longer shows is
 * downloaded from the address it showed then (which Chrome's menu info names too).
 */
import { deepQueryAll } from './elements-at-point';
import { findImageAt, type ImageTarget } from './find-image';
import { addressShownBy as urlOf, targetOf } from './image-target';
import { covers } from './painted-stack';
import type { RightClick } from './right-click';

export interface Choice {
  /** What to identify. A url target without an element means "download it": the page no longer shows it. */
  target?: ImageTarget;
  /** The element the card stands beside. */
  anchor?: Element;
  /** Where the card goes when there is no element. */
  point: { x: number; y: number };
  /** The page changed or replaced the right-clicked picture since the right-click. */
  changed: boolean;
}

const centre = (element: Element | undefined): { x: number; y: number } => {
  if (!element) return { x: innerWidth / 2, y: innerHeight / 2 };
  const rect = element.getBoundingClientRect();
  return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
};

const SHOWING_ADDRESSES = 'img, input[type="image"], video, object, embed';

/** Elements that may show an address, in this document and the same-origin frames inside it (an <iframe srcdoc>). */
function* addressHolders(doc: Document, depth = 0): Generator<Element> {
  yield* deepQueryAll(doc, SHOWING_ADDRESSES);
  if (depth >= 4) return;
  for (const frame of doc.querySelectorAll('iframe, frame')) {
    let inner: Document | null = null;
    try {
      inner = (frame as HTMLIFrameElement).contentDocument;
    } catch {
      // Another origin's frame: its own content script answers for it.
    }
    if (inner) yield* addressHolders(inner, depth + 1);
  }
}

/** No right-click was seen here (the script arrived after it): the element showing Chrome's address, if any. */
function fromAddressOnly(hint: string | undefined): Choice {
  if (!hint) return { point: centre(undefined), changed: false };
  const shown = [...addressHolders(document)].find((element) => urlOf(element) === hint);
  return { target: shown ? targetOf(shown) : { kind: 'url', url: hint }, anchor: shown, point: centre(shown), changed: false };
}

/**
 * `hint` is Chrome's srcUrl for an <img>/<video>: the address under the pointer at the
 * right-click, as Chrome saw it.
 */
export function chooseTarget(click: RightClick | undefined, hint: string | undefined): Choice {
  if (!click) return fromAddressOnly(hint);
  const point = { x: click.x, y: click.y };
  // Chrome's address names one of the elements that were under the pointer (an overlay may have been on top).
  const then = click.target;
  if (hint) {
    const named = click.stack.find((element) => element.isConnected && urlOf(element) === hint);
    // Unless the picture seen at the right-click hides it (on top with pointer-events: none; the shown slide under a faded one).
    const seenOnTop = then?.element && then.element !== named && named && then.element.isConnected && covers(then.element, named);
    if (named && !seenOnTop) return { target: targetOf(named), anchor: named, point, changed: false };
  }
  // Nothing was found at the right-click: a lazy loader may have put a picture there since.
  if (!then) return { target: findImageAt(click.x, click.y, hint), point, changed: false };
  const element = then.element;
  if (then.kind !== 'url') {
    // A canvas, video or inline SVG is read where it is; once removed it cannot be.
    return element?.isConnected ? { target: then, anchor: element, point, changed: false } : { point, changed: true };
  }
  if (element?.isConnected && urlOf(element) === then.url) return { target: then, anchor: element, point, changed: false };
  // Swapped or replaced: the address it showed at the right-click still names the user's picture.
  const anchor = element?.isConnected ? element : undefined;
  return { target: { kind: 'url', url: then.url }, anchor, point, changed: true };
}
