/**
 * The things found in a picture, boxed on the picture itself: a thin outline and a small name tag
 * per thing, laid over the picture while its card is open. A name hovered or focused in the card
 * lights up its boxes and dims the others. Floats like the card (fixed, clicks pass through,
 * never moves the page) and follows the picture on scroll, resize and layout shifts.
 */
import type { FoundObject } from '../../shared/types';
import type { Box, Size } from '../geometry/box';
import { hardenedHost, type HardenedHost } from '../host/hardened-host';
import { htmlElement } from '../host/html';
import { OVERLAY_DECLARATIONS, type PictureBox } from './why';
import { stylesFor } from '../host/shadow-styles';

const FOLLOW_INTERVAL_MS = 250;
const CSS = `
.frame { position: absolute; }
.box { position: absolute; box-sizing: border-box; border: 2px solid #fff; border-radius: 3px;
  box-shadow: 0 0 0 1px rgba(0,0,0,.65), inset 0 0 0 1px rgba(0,0,0,.45); transition: opacity .12s, border-color .12s; }
.tag { position: absolute; left: -2px; bottom: 100%; max-width: max(100%, 80px); overflow: hidden; text-overflow: ellipsis;
  white-space: nowrap; padding: 1px 6px; border-radius: 3px 3px 3px 0; background: rgba(17,24,39,.88); color: #fff;
  font: 600 12px/16px system-ui, sans-serif; }
.box.low .tag { bottom: auto; top: 0; border-radius: 0 0 3px 0; }
.dim .box:not(.lit) { opacity: .3; }
.box.lit { border: 3px solid #ffd666; z-index: 1; }
.box.lit .tag { background: #3b5bdb; font-size: 14px; line-height: 19px; }
`;

const adoptSheet = stylesFor(CSS);

/** Where a box in the picture's own pixels lands on screen, relative to the picture's box. */
export function boxOnScreen(box: FoundObject['box'], picture: Size, drawn: Box): Box {
  const sx = drawn.width / picture.width;
  const sy = drawn.height / picture.height;
  return { left: drawn.left + box[0] * sx, top: drawn.top + box[1] * sy, width: (box[2] - box[0]) * sx, height: (box[3] - box[1]) * sy };
}

export class ObjectBoxes {
  private readonly host: HardenedHost;
  private readonly frame: HTMLElement;
  private readonly boxes: HTMLElement[];
  private readonly follow = () => this.place();
  private readonly timer: ReturnType<typeof setInterval>;

  constructor(
    private readonly objects: readonly FoundObject[],
    private readonly picture: Size,
    private readonly boxOf: () => PictureBox | undefined,
  ) {
    this.host = hardenedHost({ tag: 'glimpse-boxes', kind: 'boxes', declarations: OVERLAY_DECLARATIONS, decorative: true });
    const { shadow } = this.host;
    this.frame = htmlElement('div');
    this.frame.className = 'frame';
    this.boxes = objects.map((object) => {
      const box = htmlElement('div');
      box.className = 'box';
      const tag = htmlElement('span');
      tag.className = 'tag';
      tag.textContent = object.name;
      box.append(tag);
      return box;
    });
    this.frame.append(...this.boxes);
    adoptSheet(shadow);
    shadow.append(this.frame);
    document.documentElement.append(this.host.host);
    addEventListener('scroll', this.follow, { capture: true, passive: true });
    addEventListener('resize', this.follow, { passive: true });
    this.timer = setInterval(this.follow, FOLLOW_INTERVAL_MS);
    this.place();
  }

  /** Lights up the boxes of these objects (none: all shown alike). */
  highlight(indices: readonly number[] | undefined): void {
    this.frame.classList.toggle('dim', Boolean(indices?.length));
    this.boxes.forEach((box, i) => box.classList.toggle('lit', Boolean(indices?.includes(i))));
  }

  private place(): void {
    const box = this.boxOf();
    const { set } = this.host;
    set('visibility', box ? 'visible' : 'hidden');
    if (!box) return;
    set('left', `${box.left}px`);
    set('top', `${box.top}px`);
    set('width', `${box.width}px`);
    set('height', `${box.height}px`);
    const drawn = box.drawn ?? { left: 0, top: 0, width: box.width, height: box.height };
    this.objects.forEach((object, i) => {
      const at = boxOnScreen(object.box, this.picture, drawn);
      const element = this.boxes[i]!;
      Object.assign(element.style, { left: `${at.left}px`, top: `${at.top}px`, width: `${at.width}px`, height: `${at.height}px` });
      // A tag with no room above its box goes inside it, at its top.
      element.classList.toggle('low', at.top < 18);
    });
  }

  remove(): void {
    clearInterval(this.timer);
    removeEventListener('scroll', this.follow, { capture: true });
    removeEventListener('resize', this.follow);
    this.host.host.remove();
  }
}
