/**
 * What a label stands on: a picture (followed when the page swaps it for another element, see
 * PictureWatch), a region chosen on screen (it scrolls with the page), or nothing (the label sits
 * at the point that was clicked). Answers the card's geometric questions about it.
 */
import { overlapArea, type Box } from '../geometry/box';
import { boxInViewport, clipFor, clippingAncestors, viewportBox } from './page-scene';
import { PictureWatch } from './picture-watch';
import { pictureBox, type PictureBox } from './why';

/** A box chosen on screen (region select), in viewport CSS px at the moment it was chosen. */
export interface RegionAnchor {
  region: Box;
}

export class CardAnchor {
  /** The picture, when the label is pinned to an element. */
  readonly element: Element | undefined;
  /** A chosen region, in page coordinates (it scrolls with the page). */
  private readonly region: Box | undefined;
  private clippers: Element[];
  /** Whether the picture is still the one the answer names (pinned to an element showing a web picture). */
  private watch: PictureWatch | undefined;

  constructor(anchor: Element | RegionAnchor | undefined) {
    // Not `instanceof Element`: a picture in a same-origin child frame is another window's Element.
    const region = anchor && 'region' in anchor ? anchor.region : undefined;
    this.element = anchor && !('region' in anchor) ? anchor : undefined;
    this.region = region ? { ...region, left: region.left + scrollX, top: region.top + scrollY } : undefined;
    this.clippers = this.element ? clippingAncestors(this.element) : [];
  }

  /** The element the label stands on: its picture, or the one the page replaced it with. */
  get picture(): Element | undefined {
    return this.watch?.element ?? this.element;
  }

  /** Whether there is a picture or region to stay with (else the label sits at the point). */
  get isPinned(): boolean {
    return this.region !== undefined || this.element !== undefined;
  }

  /** The picture's box now (undefined: pinned to a point, or the picture is gone). */
  box(): Box | undefined {
    if (this.region) return { ...this.region, left: this.region.left - scrollX, top: this.region.top - scrollY };
    const picture = this.picture;
    return picture?.isConnected ? boxInViewport(picture) : undefined;
  }

  /** A region's box in page coordinates is fixed: pictures inside it belong to it. */
  owns(picture: Element, box: Box): boolean {
    const own = this.picture;
    if (own) return picture === own || picture.contains(own) || own.contains(picture);
    const here = this.box();
    return here !== undefined && overlapArea(here, box) >= 0.5 * box.width * box.height;
  }

  /** Where the picture can be seen: the viewport, narrowed by its scrolling ancestors. */
  clip(viewport: Box): Box {
    return clipFor(this.clippers, viewport);
  }

  /** The picture's pixels on screen (inside its border and padding), or the chosen region. */
  pixelsBox(): PictureBox | undefined {
    const element = this.picture;
    return element ? (element.isConnected ? pictureBox(element) : undefined) : this.box();
  }

  /** The same, with where it can be seen (for the Why? heat-map, which is cut as the picture is). */
  seenPixelsBox(): PictureBox | undefined {
    const element = this.picture;
    return element ? (element.isConnected ? { ...pictureBox(element), clip: this.clip(viewportBox()) } : undefined) : this.box();
  }

  /** Watches whether the picture keeps showing `identified` (its address); whether it does now. */
  follow(identified: string | undefined): boolean {
    const picture = this.picture;
    this.watch = picture && identified ? new PictureWatch(picture, identified) : undefined;
    return this.watch?.showsIdentified ?? true;
  }

  /**
   * Looks whether the page swapped the picture (or swapped it back); undefined when nothing
   * changed, else whether the label now stands on another element and whether it shows the
   * identified picture.
   */
  recheck(): { moved: boolean; showsIdentified: boolean } | undefined {
    if (!this.watch) return undefined;
    const was = this.watch.element;
    if (!this.watch.update()) return undefined;
    const moved = this.watch.element !== was;
    if (moved) this.clippers = clippingAncestors(this.watch.element);
    return { moved, showsIdentified: this.watch.showsIdentified };
  }
}
