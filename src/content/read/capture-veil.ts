/**
 * Glimpse's own elements (labels, cards, the scan's pill, the heat-map) are left out of captures
 * of the tab. They are hidden from inside their closed shadow roots, by one constructed stylesheet
 * switched on for the instant of a capture: nothing changes on their hosts in the page's DOM, so
 * page script has no attribute, style or mutation to watch for (and no decoy to show then).
 * Opacity, not visibility: what lies under the pointer stays the same meanwhile.
 */
import type { ScreenArea } from '../../shared/types';
import { nextFrame } from './next-frame';

const HIDDEN = '* { opacity: 0 !important; transition: none !important; }';

interface Veiled {
  host: Element;
  shadow: ShadowRoot;
}

const roots = new Set<Veiled>();
let sheet: CSSStyleSheet | undefined;
let fallback = false;
let holds = 0;

/** Registers a Glimpse host whose closed shadow root holds what a capture must leave out. */
export function veilable(host: Element, shadow: ShadowRoot): void {
  roots.add({ host, shadow });
  // After its owner's own styles (adopted in the same task): from then on the veil is always
  // there, switched off, so an element shown during a capture is hidden from its first frame.
  queueMicrotask(() => adoptVeil(shadow));
}

function adoptVeil(shadow: ShadowRoot): void {
  const shared = veilSheet();
  if (!shared) return;
  try {
    if (shadow.adoptedStyleSheets.at(-1) !== shared) {
      shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets.filter((s) => s !== shared), shared];
    }
  } catch {
    // A shadow root that refuses constructed sheets: the <style> way, at the next capture.
  }
}

function veilSheet(): CSSStyleSheet | undefined {
  if (sheet || fallback) return sheet;
  try {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(HIDDEN);
    sheet.disabled = true;
  } catch {
    fallback = true; // no constructed sheets here: a <style> in each shadow root instead
  }
  return sheet;
}

const styles = new WeakMap<ShadowRoot, HTMLStyleElement>();

function setHidden(hidden: boolean): void {
  const shared = veilSheet();
  for (const entry of [...roots]) {
    if (!entry.host.isConnected) {
      roots.delete(entry);
      continue;
    }
    const { shadow } = entry;
    if (shared) {
      // The owner's own styles may have been adopted again since: the veil goes after them.
      if (hidden) adoptVeil(shadow);
      continue;
    }
    let style = styles.get(shadow);
    if (!style) styles.set(shadow, (style = document.createElement('style')));
    style.textContent = hidden ? HIDDEN : '';
    if (hidden && style.parentNode !== shadow) shadow.append(style);
  }
  if (shared) shared.disabled = !hidden;
}

const intersects = (a: DOMRect, b: ScreenArea) =>
  a.width > 0 && a.height > 0 && a.left < b.left + b.width && b.left < a.right && a.top < b.top + b.height && b.top < a.bottom;

/**
 * Whether any Glimpse element could be in a capture of `areas` (top-frame viewport coordinates:
 * in a child frame, any element counts). Every element inside each root is looked at, however
 * deep: a host's own box says little (it may have none, its content drawn in the top layer or
 * positioned out of it), and one missed label would show in the capture.
 */
export function glimpseIsIn(areas: ScreenArea[]): boolean {
  const inTop = window === window.top;
  for (const { host, shadow } of roots) {
    if (!host.isConnected) continue;
    if (!inTop) return true;
    for (const element of [host, ...shadow.querySelectorAll('*')]) {
      const box = element.getBoundingClientRect();
      if (areas.some((area) => intersects(box, area))) return true;
    }
  }
  return false;
}

/**
 * A visible document paints its next frame, however late on a busy machine (the capture must not
 * be taken before the veil is painted); a hidden one runs no frames: its capture fails anyway, so
 * this only must not hang.
 */
const frameOrGiveUp = () => nextFrame(document.visibilityState === 'visible' ? 2_000 : 100);

/**
 * Frames to wait before the veil is surely in what the browser shows. The change is drawn in the
 * first; the second starts once it was committed, but Chromium may still be rastering it then
 * (slow on a loaded machine without a GPU), and the tab's capture copies the last frame drawn:
 * the third leaves that a whole frame.
 */
const FRAMES_TO_PAINT = 3;

/** Resolves once what the page has changed so far (a Glimpse element hidden or removed) is on screen. */
export async function shownOnScreen(): Promise<void> {
  for (let frame = 0; frame < FRAMES_TO_PAINT; frame++) await frameOrGiveUp();
}

/**
 * Hides Glimpse's elements until `release()` (one shown meanwhile is hidden from its first frame);
 * resolves once the hidden state has been painted, at once when none could show in
 * a capture of `areas`.
 */
export async function veilFor(areas: ScreenArea[]): Promise<() => void> {
  const mustPaint = glimpseIsIn(areas);
  holds++;
  setHidden(true);
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    if (--holds === 0) setHidden(false);
  };
  if (mustPaint) await shownOnScreen();
  return release;
}
