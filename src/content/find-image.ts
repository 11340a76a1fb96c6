/** What kind of image sits under the pointer, and the element that shows it. */
export type ImageTarget =
  | { kind: 'url'; url: string; element: Element }
  | { kind: 'canvas'; element: HTMLCanvasElement }
  | { kind: 'video'; element: HTMLVideoElement }
  | { kind: 'svg'; element: SVGSVGElement };

const LAZY_ATTRIBUTES = ['data-src', 'data-lazy-src', 'data-original', 'data-srcset', 'data-lazy'];

/** The address an <img> shows now: the srcset/<picture> choice, or a lazy loader's real source. */
function imageElementUrl(img: HTMLImageElement): string | undefined {
  const shown = img.currentSrc || img.src;
  const loaded = img.complete && img.naturalWidth > 1;
  if (shown && loaded) return shown;
  for (const attribute of LAZY_ATTRIBUTES) {
    const value = img.getAttribute(attribute)?.trim();
    if (value) return new URL(value.split(/\s+/)[0]!, document.baseURI).href;
  }
  return shown || undefined;
}

/** First url(...) of a computed background-image (image-set included). */
export function backgroundImageUrl(value: string): string | undefined {
  const match = /url\(\s*(['"]?)(.*?)\1\s*\)/.exec(value);
  return match?.[2] || undefined;
}

function targetOf(element: Element): ImageTarget | undefined {
  if (element instanceof HTMLImageElement) {
    const url = imageElementUrl(element);
    return url ? { kind: 'url', url, element } : undefined;
  }
  if (element instanceof HTMLInputElement && element.type === 'image' && element.src) {
    return { kind: 'url', url: element.src, element };
  }
  if (element instanceof HTMLCanvasElement && element.width > 0 && element.height > 0) return { kind: 'canvas', element };
  if (element instanceof HTMLVideoElement) return { kind: 'video', element };
  if (element instanceof SVGImageElement) {
    const href = element.href.baseVal;
    return href ? { kind: 'url', url: new URL(href, document.baseURI).href, element } : undefined;
  }
  if (element instanceof SVGSVGElement) return { kind: 'svg', element };
  if (element instanceof SVGElement && element.ownerSVGElement) return undefined;
  const background = backgroundImageUrl(getComputedStyle(element).backgroundImage);
  if (background) return { kind: 'url', url: new URL(background, document.baseURI).href, element };
  return undefined;
}

/** Elements at a point, top first, looking inside open shadow roots and same-origin frames. */
function* elementsAt(root: Document | ShadowRoot, x: number, y: number, depth = 0): Generator<{ element: Element; offsetX: number; offsetY: number }> {
  if (depth > 8) return;
  for (const element of root.elementsFromPoint(x, y)) {
    if (element.shadowRoot && element.shadowRoot !== root) {
      yield* elementsAt(element.shadowRoot, x, y, depth + 1);
    }
    if (element instanceof HTMLIFrameElement) {
      let inner: Document | null = null;
      try {
        inner = element.contentDocument;
      } catch {
        inner = null;
      }
      if (inner) {
        const rect = element.getBoundingClientRect();
        for (const found of elementsAt(inner, x - rect.left - element.clientLeft, y - rect.top - element.clientTop, depth + 1)) {
          yield { ...found, offsetX: found.offsetX + rect.left, offsetY: found.offsetY + rect.top };
        }
      }
    }
    yield { element, offsetX: 0, offsetY: 0 };
  }
}

/**
 * The image under a point. `hint` is the address Chrome reported for an <img>: an element
 * showing it wins, so the card lands on exactly the picture Chrome meant.
 */
export function findImageAt(x: number, y: number, hint?: string): ImageTarget | undefined {
  let first: ImageTarget | undefined;
  for (const { element } of elementsAt(document, x, y)) {
    if (element === document.documentElement || element === document.body) {
      const target = targetOf(element);
      if (target && !first) first = target;
      continue;
    }
    const target = targetOf(element);
    if (!target) continue;
    if (hint && target.kind === 'url' && target.url === hint) return target;
    first ??= target;
  }
  return first;
}
