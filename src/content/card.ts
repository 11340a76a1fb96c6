import { type GlimpseError, isRetryable } from '../shared/errors';
import { errorText, t } from '../shared/i18n';
import { capitalise, percent } from '../shared/format';
import type { HistoryEntry } from '../shared/types';
import { CARD_CSS } from './card-style';

const GAP = 8;
const openCards: ResultCard[] = [];

/** An element's rectangle in this window's viewport, even when it lives in a same-origin child frame. */
function rectInViewport(element: Element): DOMRect {
  let rect = element.getBoundingClientRect();
  let view: Window | null = element.ownerDocument.defaultView;
  while (view && view !== window && view.frameElement) {
    const frame = view.frameElement.getBoundingClientRect();
    rect = new DOMRect(rect.x + frame.x, rect.y + frame.y, rect.width, rect.height);
    view = view.parent;
  }
  return rect;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function bar(probability: number): HTMLElement {
  const outer = el('div', 'bar');
  const inner = el('span');
  inner.style.width = `${Math.max(2, Math.round(probability * 100))}%`;
  outer.append(inner);
  return outer;
}

/**
 * The answer beside an image. It floats above the page (fixed position, top z-index, shadow
 * DOM), so the page's layout never moves, and it follows its image on scroll and resize.
 */
export class ResultCard {
  readonly host: HTMLElement;
  private readonly card: HTMLElement;
  private readonly observer?: ResizeObserver;
  private readonly reposition = () => this.place();

  constructor(
    private readonly anchor: Element | undefined,
    private readonly point: { x: number; y: number },
  ) {
    for (const card of [...openCards]) if (anchor && card.anchor === anchor) card.dismiss();
    this.host = document.createElement('div');
    this.host.setAttribute('data-glimpse-card', '');
    this.host.style.cssText = 'all: initial; position: fixed; z-index: 2147483647; top: 0; left: 0; pointer-events: none;';
    const shadow = this.host.attachShadow({ mode: 'open' });
    const style = el('style', undefined, CARD_CSS);
    this.card = el('div', 'card');
    this.card.setAttribute('role', 'status');
    this.card.setAttribute('aria-live', 'polite');
    this.card.setAttribute('aria-label', t('cardRegionLabel'));
    shadow.append(style, this.card);
    (document.body ?? document.documentElement).append(this.host);
    openCards.push(this);
    addEventListener('scroll', this.reposition, { capture: true, passive: true });
    addEventListener('resize', this.reposition, { passive: true });
    if (anchor) {
      this.observer = new ResizeObserver(this.reposition);
      this.observer.observe(anchor);
    }
  }

  private frame(state: 'working' | 'result' | 'error', body: HTMLElement[]): void {
    this.card.className = `card ${state}`;
    this.host.setAttribute('data-state', state);
    const head = el('div', 'head');
    const main = el('div', 'main');
    main.append(el('p', 'brand', t('cardTitle')), ...body);
    const close = el('button', 'close', '×');
    close.setAttribute('aria-label', t('cardDismiss'));
    close.title = t('cardDismiss');
    close.addEventListener('click', () => this.dismiss());
    head.append(main, close);
    this.card.replaceChildren(head);
    this.place();
  }

  showWorking(warming: boolean): void {
    const row = el('div', 'working');
    row.append(el('span', 'spinner'), el('span', 'status-text', t(warming ? 'cardWarming' : 'cardWorking')));
    this.frame('working', [row]);
  }

  showResult(entry: HistoryEntry): void {
    const [top, ...rest] = entry.predictions;
    if (!top) return;
    const label = el('p', 'label', capitalise(top.label));
    label.title = top.synonyms.join(', ');
    const confidence = el('p', 'confidence', t('confidence', percent(top.probability)));
    const list = el('ol');
    list.hidden = true;
    for (const prediction of [top, ...rest]) {
      const item = el('li');
      item.append(el('span', 'name', capitalise(prediction.label)), el('span', 'p', `${percent(prediction.probability)}%`), bar(prediction.probability));
      list.append(item);
    }
    const toggle = el('button', 'toggle', t('cardMore'));
    toggle.setAttribute('aria-expanded', 'false');
    toggle.addEventListener('click', () => {
      list.hidden = !list.hidden;
      toggle.textContent = t(list.hidden ? 'cardMore' : 'cardLess');
      toggle.setAttribute('aria-expanded', String(!list.hidden));
      this.place();
    });
    const meta = el('div', 'meta', t('timing', [entry.backend.toUpperCase(), String(Math.round(entry.totalMs))]));
    this.frame('result', [label, confidence, bar(top.probability), toggle, list, meta]);
  }

  showError(error: GlimpseError, retry?: () => void): void {
    const body: HTMLElement[] = [el('p', 'label', errorText(error))];
    if (retry && isRetryable(error)) {
      const button = el('button', 'retry', t('cardRetry'));
      button.addEventListener('click', retry);
      body.push(button);
    }
    this.host.setAttribute('data-error-code', error.code);
    this.frame('error', body);
  }

  dismiss(): void {
    this.observer?.disconnect();
    removeEventListener('scroll', this.reposition, { capture: true });
    removeEventListener('resize', this.reposition);
    this.host.remove();
    const at = openCards.indexOf(this);
    if (at >= 0) openCards.splice(at, 1);
  }

  /** Inside the image's top-left corner when it is big enough, else just below (or above) it. */
  private place(): void {
    const width = this.card.offsetWidth || 300;
    const height = this.card.offsetHeight || 80;
    let x = this.point.x + GAP;
    let y = this.point.y + GAP;
    let visible = true;
    if (this.anchor?.isConnected) {
      const rect = rectInViewport(this.anchor);
      visible = rect.bottom > 0 && rect.top < innerHeight && rect.right > 0 && rect.left < innerWidth;
      const roomy = rect.width >= width + 2 * GAP && rect.height >= height + 2 * GAP;
      x = roomy ? rect.left + GAP : rect.left;
      y = roomy ? Math.max(rect.top, 0) + GAP : rect.bottom + GAP;
      if (!roomy && y + height > innerHeight && rect.top - GAP - height >= 0) y = rect.top - GAP - height;
    }
    x = Math.min(Math.max(GAP, x), Math.max(GAP, innerWidth - width - GAP));
    y = Math.min(Math.max(GAP, y), Math.max(GAP, innerHeight - height - GAP));
    this.host.style.transform = `translate(${Math.round(x)}px, ${Math.round(y)}px)`;
    this.host.style.visibility = visible ? 'visible' : 'hidden';
  }
}

/** Esc closes the newest card. */
export function dismissNewestCard(): boolean {
  const newest = openCards.at(-1);
  newest?.dismiss();
  return newest !== undefined;
}
