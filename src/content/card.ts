import { type GlimpseError, isRetryable } from '../shared/errors';
import { capitalise, percent } from '../shared/format';
import { errorText, t, timingText } from '../shared/i18n';
import type { HistoryEntry } from '../shared/types';
import { createCardHost, type CardHost } from './card-host';
import { placeCard, type Box } from './card-position';
import { CARD_CSS } from './card-style';
import { htmlElement } from './html';

/** How often a card checks that its image has not moved for reasons no event reports (layout shifts, animations). */
const FOLLOW_INTERVAL_MS = 250;
const openCards: ResultCard[] = [];

/** An element's box in this window's viewport, even when it lives in a same-origin child frame. */
function boxInViewport(element: Element): Box {
  const rect = element.getBoundingClientRect();
  let { left, top } = rect;
  let view: Window | null = element.ownerDocument.defaultView;
  while (view && view !== window && view.frameElement) {
    const frame = view.frameElement;
    const frameRect = frame.getBoundingClientRect();
    left += frameRect.left + frame.clientLeft;
    top += frameRect.top + frame.clientTop;
    view = view.parent;
  }
  return { left, top, width: rect.width, height: rect.height };
}

/** The viewport without its scrollbars, which a card must not sit under. */
function viewportSize(): { width: number; height: number } {
  const root = document.documentElement;
  const standards = document.compatMode === 'CSS1Compat';
  return { width: standards ? root.clientWidth : innerWidth, height: standards ? root.clientHeight : innerHeight };
}

const sameBox = (a: Box | undefined, b: Box | undefined): boolean =>
  a?.left === b?.left && a?.top === b?.top && a?.width === b?.width && a?.height === b?.height;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const element = htmlElement(tag);
  if (className) element.className = className;
  if (text !== undefined) element.textContent = text;
  return element;
}

function bar(probability: number): HTMLElement {
  const outer = el('div', 'bar');
  outer.setAttribute('aria-hidden', 'true');
  const inner = el('span');
  inner.style.width = `${Math.max(2, Math.round(probability * 100))}%`;
  outer.append(inner);
  return outer;
}

/**
 * The answer beside an image: a spinner while working, then the top label and how sure the
 * model is, the top 5 on demand, the engine and its time; or what went wrong. It floats above
 * the page (see card-host), follows its image on scroll and resize, and never moves the page.
 */
export class ResultCard {
  readonly host: HTMLElement;
  private readonly frameHost: CardHost;
  private readonly card: HTMLElement;
  private readonly observer?: ResizeObserver;
  private readonly follower: ReturnType<typeof setInterval>;
  private readonly reposition = () => this.place();
  private lastAnchorBox?: Box;

  constructor(
    private readonly anchor: Element | undefined,
    private readonly point: { x: number; y: number },
  ) {
    for (const card of [...openCards]) if (anchor && card.anchor === anchor) card.dismiss();
    this.frameHost = createCardHost(anchor);
    this.host = this.frameHost.host;
    this.card = el('div', 'card');
    // The card speaks the extension's language, whatever the page's direction.
    this.card.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
    this.card.lang = t('@@ui_locale').replace('_', '-');
    this.card.setAttribute('role', 'status');
    this.card.setAttribute('aria-live', 'polite');
    this.card.setAttribute('aria-label', t('cardRegionLabel'));
    this.frameHost.shadow.append(el('style', undefined, CARD_CSS), this.card);
    openCards.push(this);
    addEventListener('scroll', this.reposition, { capture: true, passive: true });
    addEventListener('resize', this.reposition, { passive: true });
    if (anchor) {
      this.observer = new ResizeObserver(this.reposition);
      this.observer.observe(anchor);
    }
    this.follower = setInterval(() => {
      const box = this.anchorBox();
      if (!sameBox(box, this.lastAnchorBox)) this.place();
    }, FOLLOW_INTERVAL_MS);
  }

  get isOpen(): boolean {
    return openCards.includes(this);
  }

  private anchorBox(): Box | undefined {
    return this.anchor?.isConnected ? boxInViewport(this.anchor) : undefined;
  }

  private frame(state: 'working' | 'result' | 'error', body: HTMLElement[]): void {
    this.card.className = `card ${state}`;
    this.host.setAttribute('data-state', state);
    const close = el('button', 'close', '×');
    close.setAttribute('aria-label', t('cardDismiss'));
    close.title = t('cardDismiss');
    close.addEventListener('click', () => this.dismiss());
    this.card.replaceChildren(el('p', 'brand', t('cardTitle')), ...body, close);
    this.place();
  }

  showWorking(warming: boolean): void {
    const row = el('div', 'working');
    const spinner = el('span', 'spinner');
    spinner.setAttribute('aria-hidden', 'true');
    row.append(spinner, el('span', 'status-text', t(warming ? 'cardWarming' : 'cardWorking')));
    this.frame('working', [row]);
  }

  showResult(entry: HistoryEntry): void {
    const [top, ...rest] = entry.predictions;
    if (!top) return;
    const label = el('p', 'label', capitalise(top.label));
    label.title = top.synonyms.join(', ');
    const confidence = el('p', 'confidence', t('confidence', percent(top.probability)));
    const list = el('ol', 'top5');
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
    const meta = el('p', 'meta', timingText(entry));
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
    clearInterval(this.follower);
    removeEventListener('scroll', this.reposition, { capture: true });
    removeEventListener('resize', this.reposition);
    this.host.remove();
    const at = openCards.indexOf(this);
    if (at >= 0) openCards.splice(at, 1);
  }

  /** The card's box on screen, for younger cards to step around. */
  private box(): Box {
    const rect = this.card.getBoundingClientRect();
    return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
  }

  private place(): void {
    if (!this.isOpen) return;
    const anchor = this.anchorBox();
    this.lastAnchorBox = anchor;
    const older = openCards.slice(0, openCards.indexOf(this)).filter((card) => card.host.style.visibility !== 'hidden');
    const size = { width: this.card.offsetWidth || 320, height: this.card.offsetHeight || 100 };
    const { left, top, visible } = placeCard(size, viewportSize(), anchor, this.point, older.map((card) => card.box()));
    this.frameHost.moveTo(left, top, visible);
  }
}

/** Esc closes the newest card. */
export function dismissNewestCard(): boolean {
  const newest = openCards.at(-1);
  newest?.dismiss();
  return newest !== undefined;
}
