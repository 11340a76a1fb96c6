/**
 * Pictures that come after the scan's walk: a native lazy image that loads as the person
 * scrolls, a lazy loader swapping the real address in (src, srcset, a class that sets a
 * background), infinite scroll appending tiles. Each such element (and every element added
 * under it) is handed to the scan, which decides whether it is a new picture.
 */

/** Attributes whose change can make an element show a (new) picture. */
const WATCHED_ATTRIBUTES = ['src', 'srcset', 'style', 'class', 'width', 'height', 'hidden'];

export class LatePictures {
  private readonly mutations = new MutationObserver((records) => {
    for (const record of records) {
      if (record.type === 'attributes') this.onElement(record.target as Element, false);
      else for (const node of record.addedNodes) if (node instanceof Element) this.onElement(node, true);
    }
  });
  /** `load` does not bubble, but a listener on the document in the capture phase sees every image's. */
  private readonly onLoad = (event: Event): void => {
    if (event.target instanceof Element) this.onElement(event.target, false);
  };

  /** `subtree`: the element was added to the page, so what is inside it is new too. */
  constructor(private readonly onElement: (element: Element, subtree: boolean) => void) {}

  start(): void {
    this.mutations.observe(document.documentElement, { childList: true, subtree: true, attributes: true, attributeFilter: WATCHED_ATTRIBUTES });
    document.addEventListener('load', this.onLoad, true);
    document.addEventListener('error', this.onLoad, true);
  }

  stop(): void {
    this.mutations.disconnect();
    document.removeEventListener('load', this.onLoad, true);
    document.removeEventListener('error', this.onLoad, true);
  }
}

/** Resolves once `img` has loaded or failed, or after `ms`. */
export function loaded(img: HTMLImageElement, ms: number): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    function done(): void {
      clearTimeout(timer);
      img.removeEventListener('load', done);
      img.removeEventListener('error', done);
      resolve();
    }
    img.addEventListener('load', done);
    img.addEventListener('error', done);
  });
}
