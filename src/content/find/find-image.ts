import { deepQueryAll, elementsAt } from './elements-at-point';
import { targetOf, type ImageTarget } from './image-target';
import { covers, shownPictureAt } from './painted-stack';

export type { ImageTarget } from './image-target';

const MEDIA_SELECTOR = 'img, canvas, video, svg, input[type="image"]';

const isPageBackdrop = (element: Element): boolean =>
  element === element.ownerDocument.documentElement || element === element.ownerDocument.body;

const contains = (rect: DOMRect, x: number, y: number): boolean =>
  rect.width > 0 && rect.height > 0 && x >= rect.left && x <= rect.right && y >= rect.top && y <= rect.bottom;

/**
 * Pictures hit-testing cannot see: `pointer-events: none` takes an element out of
 * elementsFromPoint, though it is plainly on screen. The last one in document order is
 * usually the one painted on top.
 */
function mediaByGeometry(x: number, y: number, hint?: string): ImageTarget | undefined {
  let last: ImageTarget | undefined;
  for (const element of deepQueryAll(document, MEDIA_SELECTOR)) {
    if (!contains(element.getBoundingClientRect(), x, y)) continue;
    if (getComputedStyle(element).visibility === 'hidden') continue;
    const target = targetOf(element);
    if (!target) continue;
    if (hint && target.kind === 'url' && target.url === hint) return target;
    last = target;
  }
  return last;
}

/**
 * The picture a person sees at the point when it is not `found`: one on top that hit-testing
 * cannot see (`pointer-events: none`), or the shown slide under a faded-out one, hiding most of
 * `found`.
 */
function visibleInstead(x: number, y: number, found: ImageTarget | undefined): ImageTarget | undefined {
  const element = found?.element;
  if (!element || isPageBackdrop(element)) return undefined;
  const shown = shownPictureAt(x, y, { seeThroughPointerEvents: true });
  return shown && shown !== element && covers(shown, element) ? targetOf(shown) : undefined;
}

/**
 * The image under a point (in this frame's viewport). `hint` is the address Chrome reported
 * for an <img> or <video>: an element showing it wins, so the card lands on exactly the
 * picture Chrome meant, unless another picture is seen on top of it (Chrome's hit test looks
 * through `pointer-events: none`). A page-wide background comes last: it is behind everything else.
 */
export function findImageAt(x: number, y: number, hint?: string): ImageTarget | undefined {
  const found = hitImageAt(x, y, hint);
  return visibleInstead(x, y, found) ?? found;
}

function hitImageAt(x: number, y: number, hint?: string): ImageTarget | undefined {
  const seen = new Set<Element>();
  let topmost: ImageTarget | undefined;
  let backdrop: ImageTarget | undefined;
  for (const element of elementsAt(document, x, y)) {
    if (seen.has(element)) continue;
    seen.add(element);
    const target = targetOf(element);
    if (!target) continue;
    if (hint && target.kind === 'url' && target.url === hint) return target;
    if (isPageBackdrop(element)) backdrop ??= target;
    else topmost ??= target;
    if (topmost && !hint) break;
  }
  if (topmost && !hint) return topmost;
  const hidden = mediaByGeometry(x, y, hint);
  if (hint && hidden?.kind === 'url' && hidden.url === hint) return hidden;
  return topmost ?? hidden ?? backdrop ?? (hint ? { kind: 'url', url: hint } : undefined);
}
