/**
 * Whether a label's picture is still the one its answer names. Carousels and slideshows reuse
 * one <img> and change its src/srcset, a <picture> picks another <source>, a CSS background is
 * changed by a class or a style: the element stays, the picture does not. Looked at on the
 * labels' follow tick (card-layer) with one cheap string read per label; the picture's full
 * address is worked out only when that string moved.
 * Not watched: canvas, video and inline SVG pictures (their pixels change with no address to
 * compare), region-select labels (a box on screen, not a picture), and a picture painted by a
 * ::before/::after whose own background changes.
 */
import { addressShownBy } from './image-target';
import { LAZY_SRCSET_ATTRIBUTES, parseSrcset } from './lazy-source';

/** What changes when the picture does: cheap to read (the layout the follow tick forced is reused). */
function fingerprint(element: Element): string {
  if (element.localName === 'img') {
    const img = element as HTMLImageElement;
    return `${img.currentSrc}\n${img.src}`;
  }
  const style = (element.ownerDocument.defaultView ?? window).getComputedStyle(element);
  return `${style.backgroundImage}\n${style.content}\n${style.borderImageSource}`;
}

/** Every address an <img>'s markup offers (src, srcset, its <picture>'s sources): one picture at several sizes or crops. */
function offeredAddresses(img: HTMLImageElement): Set<string> {
  const urls = new Set<string>();
  const add = (url: string | null) => {
    if (!url) return;
    try {
      urls.add(new URL(url.trim(), img.ownerDocument.baseURI).href);
    } catch {
      // not an address
    }
  };
  add(img.getAttribute('src'));
  const holders = [img, ...(img.parentElement?.localName === 'picture' ? img.parentElement.querySelectorAll('source') : [])];
  for (const holder of holders) {
    for (const attribute of ['srcset', ...LAZY_SRCSET_ATTRIBUTES]) {
      for (const candidate of parseSrcset(holder.getAttribute(attribute) ?? '')) add(candidate.url);
    }
  }
  return urls;
}

/**
 * Whether `element` shows the picture at `identified`: its own address, or, for an <img>,
 * another size of it (the window was resized and srcset picked a larger file).
 */
function shows(element: Element, identified: string): boolean {
  const now = addressShownBy(element);
  if (now === identified) return true;
  if (!now || element.localName !== 'img') return false;
  const offered = offeredAddresses(element as HTMLImageElement);
  return offered.has(now) && offered.has(identified);
}

export class PictureWatch {
  private last: string;
  private same: boolean;

  /** `identified`: the address of the picture the answer is about. */
  constructor(private readonly element: Element, readonly identified: string) {
    this.last = fingerprint(element);
    this.same = shows(element, identified);
  }

  /** Whether the element shows the identified picture (as of the last look). */
  get showsIdentified(): boolean {
    return this.same;
  }

  /** Looks again; whether `showsIdentified` changed. A removed element is left alone (its label hides with it). */
  update(): boolean {
    if (!this.element.isConnected) return false;
    const now = fingerprint(this.element);
    if (now === this.last) return false;
    this.last = now;
    const same = shows(this.element, this.identified);
    if (same === this.same) return false;
    this.same = same;
    return true;
  }
}
