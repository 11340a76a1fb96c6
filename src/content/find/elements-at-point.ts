/** Finding every element under a point, the way a person sees the page rather than the DOM. */

const MAX_DEPTH = 8;

/** An element's shadow root, closed ones included where the browser lets extensions see them. */
export function shadowRootOf(element: Element): ShadowRoot | null {
  if (element.shadowRoot) return element.shadowRoot;
  try {
    return globalThis.chrome?.dom?.openOrClosedShadowRoot?.(element as HTMLElement) ?? null;
  } catch {
    return null;
  }
}

/** A same-origin frame's document; null for cross-origin frames (their own content script answers). */
function frameDocument(element: Element): Document | null {
  if (element.localName !== 'iframe' && element.localName !== 'frame') return null;
  try {
    return (element as HTMLIFrameElement).contentDocument;
  } catch {
    return null;
  }
}

/**
 * Elements at a point, top first, looking inside shadow roots and same-origin frames (their
 * elements come before the host or frame that holds them). `x`, `y` are in `root`'s viewport.
 */
export function* elementsAt(root: Document | ShadowRoot, x: number, y: number, depth = 0): Generator<Element> {
  if (depth > MAX_DEPTH) return;
  for (const element of root.elementsFromPoint(x, y)) {
    const shadow = shadowRootOf(element);
    if (shadow && shadow !== root) yield* elementsAt(shadow, x, y, depth + 1);
    const inner = frameDocument(element);
    if (inner) {
      const rect = element.getBoundingClientRect();
      yield* elementsAt(inner, x - rect.left - element.clientLeft, y - rect.top - element.clientTop, depth + 1);
    }
    yield element;
  }
}

/**
 * Every element matching `selector` in a document, inside its shadow roots too. Closed roots
 * are looked for on custom elements only (where components keep them): asking the browser
 * about every element of a large page would slow the right-click down.
 */
export function* deepQueryAll(root: Document | ShadowRoot | Element, selector: string, depth = 0): Generator<Element> {
  if (depth > MAX_DEPTH) return;
  for (const element of root.querySelectorAll(selector)) yield element;
  for (const element of root.querySelectorAll('*')) {
    const shadow = element.shadowRoot ?? (element.localName.includes('-') ? shadowRootOf(element) : null);
    if (shadow) yield* deepQueryAll(shadow, selector, depth + 1);
  }
}
