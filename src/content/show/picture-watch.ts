/**
 * Whether a label's picture is still the one its answer names. Carousels and slideshows reuse
 * one <img> and change its src/srcset, a <picture> picks another <source>, a CSS background is
 * changed by a class or a style: the element stays, the picture does not. Looked at on the
 * labels' follow tick (card-layer) with one cheap string read per label; the picture's full
 * address is worked out only when that string moved.
 * When the page replaces the element itself (a framework re-rendering the slide), the picture
 * now at its spot is taken up for a short while: the label moves onto it, and says whether it is
 * still the picture identified.
 * What is shown counts too, not only addresses: a fade carousel stacks its slides and shows one
 * at full opacity, another stacks them by z-index; when another picture is seen over most of
 * the label's (at its centre, on screen), the label moves onto it and says whether that is the
 * picture identified. A faded-out picture is not the one identified any more, and neither is
 * another tile of a sprite sheet (`background-position` moved by at least half the element).
 * Not watched: canvas, video and inline SVG pictures (their pixels change with no address to
 * compare), region-select labels (a box on screen, not a picture), and a picture painted by a
 * ::before/::after whose own background changes.
 */
import { findImageAt } from '../find/find-image';
import { isShown, pictureShownOver } from '../find/painted-stack';
import { addressShownBy } from '../find/image-target';
import { LAZY_SRCSET_ATTRIBUTES, parseSrcset } from '../find/lazy-source';

/** What changes when the picture does: cheap to read (the layout the follow tick forced is reused). */
function fingerprint(element: Element): string {
  if (element.localName === 'img') {
    const img = element as HTMLImageElement;
    return `${img.currentSrc}\n${img.src}`;
  }
  const style = (element.ownerDocument.defaultView ?? window).getComputedStyle(element);
  return `${style.backgroundImage}\n${style.content}\n${style.borderImageSource}\n${style.backgroundPosition}`;
}

/** Which part of a CSS background is shown: a sprite sheet shows each tile by its position. */
const tileOf = (element: Element): string =>
  element.localName === 'img' ? '' : (element.ownerDocument.defaultView ?? window).getComputedStyle(element).backgroundPosition;

const PX = /^(-?[\d.]+)px$/;

/** Whether two background positions show another tile: moved by half the element or more (a slow parallax drift does not). */
function anotherTile(element: Element, identified: string, now: string): boolean {
  if (identified === now) return false;
  const a = identified.split(/[\s,]+/);
  const b = now.split(/[\s,]+/);
  if (a.length !== b.length || !a.every((part) => PX.test(part)) || !b.every((part) => PX.test(part))) return true;
  const { width, height } = element.getBoundingClientRect();
  return a.some((part, index) => {
    const moved = Math.abs(Number.parseFloat(part) - Number.parseFloat(b[index]!));
    return moved >= (index % 2 === 0 ? width : height) / 2;
  });
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

/** How many follow ticks (a quarter second each) a removed picture's spot is looked at for a replacement. */
const REPLACEMENT_TICKS = 8;

/** The picture the page put where a removed one was: one of this document's, at the centre of its last box. */
function replacementAt(box: DOMRect, removed: Element): Element | undefined {
  const found = findImageAt(box.left + box.width / 2, box.top + box.height / 2)?.element;
  const doc = removed.ownerDocument;
  if (!found || found === removed || found === doc.documentElement || found === doc.body) return undefined;
  return found.isConnected ? found : undefined;
}

export class PictureWatch {
  private last: string;
  /** The background position (sprite tile) of the picture identified. */
  private readonly tile: string;
  private same: boolean;
  /** The element the label stands on: the one identified, or the one the page replaced it with. */
  private current: Element;
  private lastBox: DOMRect | undefined;
  private searches = 0;

  /** `identified`: the address of the picture the answer is about. */
  constructor(private readonly original: Element, readonly identified: string) {
    this.current = original;
    this.lastBox = original.getBoundingClientRect();
    this.last = fingerprint(original);
    this.tile = tileOf(original);
    this.same = this.showsIdentifiedNow(original);
  }

  /** The element shows the identified picture (address and tile), and is seen. */
  private showsIdentifiedNow(element: Element): boolean {
    return shows(element, this.identified) && !anotherTile(element, this.tile, tileOf(element)) && isShown(element);
  }

  get element(): Element {
    return this.current;
  }

  /** Whether the element shows the identified picture (as of the last look). */
  get showsIdentified(): boolean {
    return this.same;
  }

  /**
   * Looks again; whether `showsIdentified` or `element` changed. A removed element with no
   * replacement is left alone (its label hides with it).
   */
  update(): boolean {
    if (!this.current.isConnected) return this.follow();
    this.lastBox = this.current.getBoundingClientRect();
    this.searches = 0;
    // What is shown is looked at only on screen (off screen, its label is not seen either).
    const box = this.lastBox;
    const onScreen = box.bottom > 0 && box.right > 0 && box.top < innerHeight && box.left < innerWidth && this.current.ownerDocument === document;
    const over = onScreen ? pictureShownOver(this.current) : undefined;
    if (over) {
      this.current = over;
      this.lookAt(over);
      return true;
    }
    const now = fingerprint(this.current);
    // Faded in or out: seen or not, with the same address.
    if (now === this.last && (!onScreen || isShown(this.current) === this.same)) return false;
    return this.lookAt(this.current);
  }

  private follow(): boolean {
    const back = this.original.isConnected ? this.original : undefined;
    // Only in this frame's own document: the spot is in its viewport.
    const found = back ?? (this.lastBox && this.searches++ < REPLACEMENT_TICKS && this.current.ownerDocument === document
      ? replacementAt(this.lastBox, this.current)
      : undefined);
    if (!found) return false;
    this.current = found;
    this.lookAt(found);
    return true;
  }

  private lookAt(element: Element): boolean {
    this.last = fingerprint(element);
    const same = this.showsIdentifiedNow(element);
    if (same === this.same) return false;
    this.same = same;
    return true;
  }
}
