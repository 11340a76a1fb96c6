/**
 * While presenter mode is on for this page's site, a small sign in a corner of the window says
 * so and offers to turn it off (the popup's switch and the shortcut do too). It takes the
 * corner where it covers no picture (nor the page's own bars, where it can avoid them), and
 * moves when scrolling brings a picture under it. Top frame only.
 */
import { t } from '../../shared/i18n';
import { createCardHost, type CardHost } from './card-host';
import { el } from './card-dom';
import { overlapArea, type Box, type Size } from '../geometry/box';
import { pageBars, picturesIn, viewportBox } from './page-scene';
import { onPresenterMode, turnPresenterOff } from './presenter';
import { stylesFor } from '../host/shadow-styles';

const MARGIN = 12;

const SIGN_CSS = `
.sign {
  display: flex; align-items: center; gap: 8px; padding: 4px 4px 4px 10px; pointer-events: auto; white-space: nowrap;
  font: 600 14px/1.2 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #f8fafc; background: rgba(15, 23, 42, 0.92); border: 2px solid #facc15; border-radius: 999px;
  box-shadow: 0 2px 8px rgba(0, 0, 0, 0.35);
}
.dot { width: 10px; height: 10px; border-radius: 50%; background: #facc15; flex: none; }
button {
  font: inherit; font-size: 13px; color: #fff; background: #334155; border: 0; border-radius: 999px; padding: 4px 10px;
  cursor: pointer; min-height: 26px;
}
button:hover { background: #475569; }
button:focus-visible { outline: 3px solid #fbbf24; outline-offset: 2px; }
@media (forced-colors: active) { .sign { border-color: CanvasText; } }
`;

/** The corner (of four) where a box of `size` covers the least: pictures count most, the page's bars next. */
function bestCorner(size: Size): { left: number; top: number } {
  const view = viewportBox();
  const bars = pageBars(view);
  const corners = [
    { left: MARGIN, top: view.height - size.height - MARGIN },
    { left: view.width - size.width - MARGIN, top: view.height - size.height - MARGIN },
    { left: view.width - size.width - MARGIN, top: MARGIN },
    { left: MARGIN, top: MARGIN },
  ];
  let best = corners[0]!;
  let bestCost = Infinity;
  corners.forEach((corner, order) => {
    const box: Box = { ...corner, ...size };
    const pictures = picturesIn(box, view, 12).reduce((sum, picture) => sum + overlapArea(box, picture.box), 0);
    const cost = pictures * 100 + bars.reduce((sum, bar) => sum + overlapArea(box, bar), 0) + order;
    if (cost < bestCost) [best, bestCost] = [corner, cost];
  });
  return best;
}

const adoptSheet = stylesFor(SIGN_CSS);

class PresenterSign {
  private readonly frameHost: CardHost = createCardHost(undefined, 'presenter-sign');
  private readonly sign = el('div', 'sign');
  private scheduled = false;
  private readonly onMove = () => this.schedule();

  constructor() {
    this.sign.setAttribute('role', 'status');
    this.sign.title = t('presenterSignTitle');
    const off = el('button', undefined, t('presenterSignOff'));
    off.type = 'button';
    off.setAttribute('aria-label', `${t('presenterSign')}: ${t('presenterSignOff')}`);
    off.addEventListener('click', (event) => {
      event.stopPropagation();
      void turnPresenterOff();
    });
    this.sign.append(el('span', 'dot'), el('span', 'text', t('presenterSign')), off);
    adoptSheet(this.frameHost.shadow);
    this.frameHost.shadow.append(this.sign);
    addEventListener('scroll', this.onMove, { capture: true, passive: true });
    addEventListener('resize', this.onMove, { passive: true });
    // Pictures arrive as the page loads: the corner is chosen again when it has.
    if (document.readyState !== 'complete') addEventListener('load', this.onMove, { once: true });
    this.place();
  }

  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setTimeout(() => {
      this.scheduled = false;
      this.place();
    }, 150);
  }

  private place(): void {
    const rect = this.sign.getBoundingClientRect();
    const { left, top } = bestCorner({ width: Math.ceil(rect.width), height: Math.ceil(rect.height) });
    this.frameHost.moveTo(Math.round(left), Math.round(top), true);
  }

  remove(): void {
    removeEventListener('scroll', this.onMove, { capture: true });
    removeEventListener('resize', this.onMove);
    removeEventListener('load', this.onMove);
    this.frameHost.remove();
  }
}

/** Shows the sign while presenter mode is on for this page (top frame only); returns the teardown. */
export function showPresenterSign(): () => void {
  if (window !== window.top) return () => undefined;
  let sign: PresenterSign | undefined;
  const stop = onPresenterMode((on) => {
    if (on && !sign && document.documentElement) sign = new PresenterSign();
    if (!on) {
      sign?.remove();
      sign = undefined;
    }
  });
  return () => {
    stop();
    sign?.remove();
    sign = undefined;
  };
}
