/**
 * "Why?" on an answer card: a toggle that lays the answer's heat-map over the picture, box for
 * box, and a one-line legend in the card. The overlay floats like the card (fixed, never moving
 * the page, clicks pass through it) and follows the picture on scroll, resize and layout shifts.
 */
import { plainName } from '../../shared/answer-words';
import { capitalise } from '../../shared/answer-text';
import { heatmapCanvas } from '../../shared/heatmap-image';
import { t } from '../../shared/i18n';
import type { HistoryEntry } from '../../shared/types';
import { button, el } from './card-dom';
import { shift, visiblePart, type Box } from '../geometry/box';
import { drawnIn, insideBorders } from '../geometry/element-box';
import { boxInViewport, pageBars, viewportBox } from './page-scene';
import { hardenedHost, type HardenedHost } from '../host/hardened-host';

/** A box on screen and, when the picture's pixels do not simply fill it (object-fit), where they are drawn in it. */
export interface PictureBox extends Box {
  drawn?: Box;
  /** Where the picture can be seen (the viewport, narrowed by scrolling ancestors); the viewport when absent. */
  clip?: Box;
}

const FOLLOW_INTERVAL_MS = 250;
/** Over the picture, under the cards and labels, clicks passing through; what the picture overflows is cut. */
export const OVERLAY_DECLARATIONS = ['overflow: hidden', 'z-index: 2147483646', 'contain: strict'];

/**
 * The picture's content box (inside its border and padding: what the pixels fill) in this
 * window's viewport, also when the picture lives in a same-origin child frame.
 */
export function pictureBox(element: Element): PictureBox {
  const box = insideBorders(boxInViewport(element), element.ownerDocument.defaultView?.getComputedStyle(element));
  return { ...box, drawn: shift(drawnIn(element, box), -box.left, -box.top) };
}

/** The heat-map over a box on screen; `boxOf` is asked again whenever the page may have moved. */
class Overlay {
  private readonly frame: HardenedHost;
  private readonly follow = () => this.place();
  private readonly timer: ReturnType<typeof setInterval>;
  private readonly canvas: HTMLCanvasElement;

  constructor(entry: HistoryEntry, private readonly boxOf: () => PictureBox | undefined) {
    this.frame = hardenedHost({ tag: 'glimpse-why', kind: 'why', declarations: OVERLAY_DECLARATIONS, decorative: true });
    this.canvas = heatmapCanvas(entry.explanation!);
    this.canvas.style.cssText = 'display: block; position: absolute; left: 0; top: 0; width: 100%; height: 100%;';
    this.frame.shadow.append(this.canvas);
    document.documentElement.append(this.frame.host);
    addEventListener('scroll', this.follow, { capture: true, passive: true });
    addEventListener('resize', this.follow, { passive: true });
    this.timer = setInterval(this.follow, FOLLOW_INTERVAL_MS);
    this.place();
  }

  /**
   * Over the part of the picture a person sees, as its label is: clipped to the view and to
   * scrolling ancestors, and never over the page's sticky header or other fixed bars.
   */
  private place(): void {
    const box = this.boxOf();
    const { set } = this.frame;
    const viewport = viewportBox();
    const seen = box && visiblePart(box, box.clip ?? viewport, pageBars(viewport));
    set('visibility', box && seen && seen.width >= 1 && seen.height >= 1 ? 'visible' : 'hidden');
    if (!box || !seen || seen.width < 1 || seen.height < 1) return;
    set('left', `${seen.left}px`);
    set('top', `${seen.top}px`);
    set('width', `${seen.width}px`);
    set('height', `${seen.height}px`);
    // The host clips to what is seen: a "cover" picture's map overflows it as the picture does.
    const drawn = box.drawn ?? { left: 0, top: 0, width: box.width, height: box.height };
    Object.assign(this.canvas.style, {
      left: `${drawn.left + box.left - seen.left}px`, top: `${drawn.top + box.top - seen.top}px`, width: `${drawn.width}px`, height: `${drawn.height}px`,
    });
  }

  remove(): void {
    clearInterval(this.timer);
    removeEventListener('scroll', this.follow, { capture: true });
    removeEventListener('resize', this.follow);
    this.frame.host.remove();
  }
}

export interface WhyControl {
  /** The button and its legend, for the card to place among its actions. */
  element: HTMLElement;
  /** Removes the overlay (the card calls it when it closes). */
  dispose(): void;
}

/**
 * The "Why?" toggle for an answer, or null when the answer has no explanation (older history
 * entries) or nothing to lay it on. `boxOf` gives the picture's (or the selected region's) box.
 */
export function whyControl(entry: HistoryEntry, boxOf: () => PictureBox | undefined, onChange?: () => void): WhyControl | null {
  if (!entry.explanation || !boxOf()) return null;
  const element = el('div', 'why');
  let overlay: Overlay | undefined;
  const toggle = button('why-toggle', '', () => {
    if (overlay) {
      overlay.remove();
      overlay = undefined;
    } else {
      overlay = new Overlay(entry, boxOf);
    }
    render();
    onChange?.();
  });
  toggle.title = t('whyTitle');
  const legend = el('p', 'why-legend', t('whyLegend', entry.predictions[0] ? capitalise(plainName(entry.predictions[0])) : ''));
  element.append(toggle, legend);
  const render = () => {
    toggle.textContent = t(overlay ? 'whyHide' : 'whyShow');
    toggle.setAttribute('aria-pressed', String(Boolean(overlay)));
    legend.hidden = !overlay;
  };
  render();
  return {
    element,
    dispose() {
      overlay?.remove();
      overlay = undefined;
      render();
    },
  };
}
