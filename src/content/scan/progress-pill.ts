/**
 * The page scan's progress in the page: "12 of 24" with a bar and a Stop button, a small pill at
 * the bottom of the window, in a hardened host (see hardened-host) in the top layer.
 */
import { t } from '../../shared/i18n';
import { pillSpot } from './pill-spot';
import { hardenedHost, showOnTop, topLayerJoins } from '../host/hardened-host';
import { stylesFor } from '../host/shadow-styles';

/** The pill keeps its spot while it grows less than this (CSS px): a scan's count changes its width by a few. */
const SIZE_STEP = 24;
/** Its spot is found again after this long at most, as the page may have changed under it. */
const SPOT_TTL_MS = 1_000;

/** At the bottom of the window, centred, until the first update moves it off the page's controls. */
const HOST_DECLARATIONS = [
  'inset: auto', 'left: 50%', 'bottom: 16px', 'top: auto', 'transform: translateX(-50%)', 'width: auto', 'height: auto',
  'max-width: calc(100vw - 16px)', 'overflow: visible', 'visibility: visible',
];

const PILL_CSS = `
* { box-sizing: border-box; }
.pill {
  display: flex; align-items: center; gap: 12px; padding: 8px 8px 8px 18px; pointer-events: auto;
  font: 600 17px/1.3 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #f8fafc; background: #0f172a; border: 2px solid #475569; border-radius: 999px;
  box-shadow: 0 8px 24px rgba(0, 0, 0, 0.4); white-space: nowrap;
}
.text { font-variant-numeric: tabular-nums; }
.hint { font-weight: 400; color: #cbd5e1; }
progress { width: 110px; height: 10px; accent-color: #60a5fa; }
button {
  font: inherit; font-size: 15px; color: #fff; background: #1e3a8a; border: 0; border-radius: 999px;
  padding: 8px 16px; min-height: 40px; cursor: pointer;
}
button:hover { background: #1d4ed8; }
button:focus-visible { outline: 3px solid #fbbf24; outline-offset: 2px; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
@media (forced-colors: active) { .pill { border-color: CanvasText; } }
`;
const adoptPillStyles = stylesFor(PILL_CSS);

export type ScanState = 'finding' | 'working' | 'waiting' | 'done' | 'stopped';

export interface ScanProgress {
  state: ScanState;
  done: number;
  total: number;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  if (className) element.className = className;
  return element;
}

export class ProgressPill {
  private readonly frame = hardenedHost({ tag: 'glimpse-scan-progress', kind: 'scan', declarations: HOST_DECLARATIONS });
  readonly host = this.frame.host;
  /** Its state and counts are kept in here, inside the closed root: the page's DOM shows none of them. */
  private readonly pill = el('div', 'pill');
  private readonly text = el('span', 'text');
  private readonly hint = el('span', 'hint');
  private readonly bar = el('progress');
  private readonly button = el('button');
  /** Spoken at the start and the end only: a count read aloud two dozen times helps nobody. */
  private readonly announcer = el('span', 'visually-hidden');
  private lastState?: ScanState;
  /** The spot found last and what it was found for (finding one costs dozens of hit tests). */
  private spot?: { key: string; at: number };
  /** topLayerJoins() when the pill last went on top. */
  private onTopAt = -1;
  /** The pill's size as last laid out, reported by a ResizeObserver: reading it at every count would force a layout. */
  private size?: { width: number; height: number };
  private readonly sizeWatch = new ResizeObserver(([entry]) => {
    const box = entry?.borderBoxSize[0];
    if (!box) return;
    this.size = { width: Math.ceil(box.inlineSize), height: Math.ceil(box.blockSize) };
    this.moveOffControls();
  });
  private readonly shadow = this.frame.shadow;

  constructor(private readonly onStop: () => void, private readonly onClose: () => void) {
    const pill = this.pill;
    pill.setAttribute('role', 'group');
    pill.setAttribute('aria-label', t('scanRegionLabel'));
    pill.dir = t('@@bidi_dir') === 'rtl' ? 'rtl' : 'ltr';
    this.announcer.setAttribute('role', 'status');
    this.bar.setAttribute('aria-label', t('scanRegionLabel'));
    this.button.type = 'button';
    this.button.addEventListener('click', () => (this.isFinished ? this.onClose() : this.onStop()));
    pill.append(this.text, this.hint, this.bar, this.button, this.announcer);
    adoptPillStyles(this.shadow);
    this.shadow.append(pill);
    document.documentElement.append(this.host);
    showOnTop(this.host);
    this.onTopAt = topLayerJoins();
    this.sizeWatch.observe(this.host);
  }

  private get isFinished(): boolean {
    return this.lastState === 'done' || this.lastState === 'stopped';
  }

  update({ state, done, total }: ScanProgress): void {
    this.pill.setAttribute('data-state', state);
    this.pill.setAttribute('data-done', String(done));
    this.pill.setAttribute('data-total', String(total));
    const counts = [String(done), String(total)];
    this.text.textContent =
      state === 'finding' && total === 0 ? t('scanFinding')
        : state === 'done' ? t(total === 0 ? 'scanNone' : 'scanDone', counts)
          : state === 'stopped' ? t('scanStopped', counts)
            : t('scanProgress', counts);
    this.hint.textContent = state === 'waiting' ? t('scanScrollHint') : '';
    this.hint.hidden = state !== 'waiting';
    this.bar.max = Math.max(1, total);
    this.bar.value = done;
    if (state !== this.lastState) {
      this.button.textContent = t(state === 'done' || state === 'stopped' ? 'scanClose' : 'scanStop');
      if (state === 'working' && this.lastState === 'finding') this.announcer.textContent = t('scanStarted', String(total));
      if (state === 'done' || state === 'stopped') this.announcer.textContent = this.text.textContent;
    }
    this.lastState = state;
    this.raise();
    this.moveOffControls();
  }

  /**
   * Off the page's controls and pictures (see pill-spot): placed again when the pill outgrows the
   * size its spot was found for, the window or the page's scroll changes, or after a while (the
   * page may have changed under it); not at every count of a scan.
   */
  private moveOffControls(): void {
    if (!this.host.isConnected) return;
    const size = this.size ?? this.measuredSize();
    const key = [Math.ceil(size.width / SIZE_STEP), size.height, innerWidth, innerHeight, Math.round(scrollX), Math.round(scrollY)].join();
    const now = performance.now();
    if (this.spot?.key === key && now - this.spot.at < SPOT_TTL_MS) return;
    this.spot = { key, at: now };
    const root = document.documentElement;
    const { left, top } = pillSpot(size, { width: root.clientWidth, height: root.clientHeight }, this.host);
    const { set } = this.frame;
    set('left', `${left}px`);
    set('top', `${top}px`);
    set('bottom', 'auto');
    set('transform', 'none');
  }

  private measuredSize(): { width: number; height: number } {
    const rect = this.host.getBoundingClientRect();
    return { width: Math.ceil(rect.width), height: Math.ceil(rect.height) };
  }

  /** Labels opened after the pill join the top layer above it; the pill steps back on top (unless it holds the focus). */
  private raise(): void {
    if (!this.host.isConnected || this.shadow.activeElement || !this.host.matches(':popover-open')) return;
    if (topLayerJoins() === this.onTopAt) return;
    showOnTop(this.host, true);
    this.onTopAt = topLayerJoins();
  }

  /** A figure for tests to read through DevTools, inside the closed root (test builds only). */
  noteForTests(name: string, value: string): void {
    if (__GLIMPSE_TEST_HOOKS__) this.pill.setAttribute(`data-${name}`, value);
  }

  remove(): void {
    this.sizeWatch.disconnect();
    this.host.remove();
  }
}
