/**
 * "Identify a region…": the page dims, the user drags a box, releasing the mouse confirms it
 * (as in a screenshot tool) and Esc cancels. Runs in the top frame, over everything, in the top
 * layer; only trusted (real) pointer events draw the box.
 * Drawing apps, maps and games handle pointer presses themselves, often in a capture-phase
 * listener on window that stops propagation: the selection's events are taken where nothing of
 * the page's can come first, in Glimpse's own capture-phase listeners on window registered at
 * document start (`watchRegionEvents`), and the page never sees them while selecting.
 */
import { t } from '../../shared/i18n';
import { htmlElement } from '../host/html';
import type { Box } from '../geometry/box';
import { hardenedHost, showOnTop } from '../host/hardened-host';
import { shownOnScreen } from '../read/capture-veil';
import { stylesFor } from '../host/shadow-styles';

/** A box smaller than this (CSS px on a side) is a click, not a selection: keep selecting. */
const MIN_SIDE = 8;

/** Over the whole view, taking every pointer event: the page under it must not act while the user draws. */
const HOST_DECLARATIONS = [
  'inset: 0', 'width: 100vw', 'height: 100vh', 'cursor: crosshair', 'visibility: visible', 'pointer-events: auto',
  'touch-action: none', 'user-select: none',
];

const CSS = `
  .dim { position: fixed; inset: 0; background: rgba(15, 23, 42, 0.45); }
  .box { position: fixed; display: none; outline: 2px dashed #f8fafc; outline-offset: 0;
    box-shadow: 0 0 0 100vmax rgba(15, 23, 42, 0.45); }
  .selecting .dim { display: none; }
  .selecting .box { display: block; }
  .hint { position: fixed; top: 16px; left: 50%; transform: translateX(-50%); padding: 8px 14px; border-radius: 8px;
    background: #0f172a; color: #f8fafc; font: 600 15px/1.4 system-ui, sans-serif; box-shadow: 0 4px 16px rgba(0,0,0,.35); }
`;
const adoptStyles = stylesFor(CSS);

interface Selection {
  host: HTMLElement;
  cancel(): void;
  /** Handles one of the page's pointer events while selecting (see watchRegionEvents). */
  handle(event: PointerEvent): void;
}

const POINTER_EVENTS = ['pointerdown', 'pointermove', 'pointerup', 'pointercancel'] as const;
/** Events the page must not act on while the user draws a box. */
const BLOCKED_EVENTS = ['click', 'auxclick', 'contextmenu', 'mousedown', 'mousemove', 'mouseup', 'dblclick', 'touchstart', 'touchmove', 'touchend'] as const;

/**
 * Listens, from now on, on window in the capture phase: the first listener of all for a page
 * whose own are added later (the content script runs at document start). Returns a function
 * that stops listening.
 */
export function watchRegionEvents(): () => void {
  const onPointer = (event: Event) => {
    if (!active) return;
    event.stopImmediatePropagation();
    active.handle(event as PointerEvent);
  };
  const onOther = (event: Event) => {
    if (!active || !event.isTrusted) return;
    event.stopImmediatePropagation();
    if (event.cancelable) event.preventDefault();
  };
  const options = { capture: true, passive: false } as const;
  for (const type of POINTER_EVENTS) addEventListener(type, onPointer, options);
  for (const type of BLOCKED_EVENTS) addEventListener(type, onOther, options);
  return () => {
    for (const type of POINTER_EVENTS) removeEventListener(type, onPointer, options);
    for (const type of BLOCKED_EVENTS) removeEventListener(type, onOther, options);
  };
}

let active: Selection | undefined;

const boxBetween = (a: { x: number; y: number }, b: { x: number; y: number }): Box => ({
  left: Math.min(a.x, b.x), top: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y),
});

/** Whether region select is open (Esc then cancels it rather than closing a card). */

/** Cancels an open region select; false when none was open. */
export function cancelRegionSelect(): boolean {
  if (!active) return false;
  active.cancel();
  return true;
}

/**
 * Opens region select; `onChosen` gets the box the user drew, in this viewport's CSS pixels,
 * after the dimming has been taken off the page.
 */
export function startRegionSelect(onChosen: (box: Box) => void): boolean {
  if (window !== window.top) return false;
  cancelRegionSelect();
  const { host, shadow } = hardenedHost({ tag: 'glimpse-region', kind: 'region', declarations: HOST_DECLARATIONS });
  const frame = htmlElement('div');
  const dim = htmlElement('div');
  dim.className = 'dim';
  const box = htmlElement('div');
  box.className = 'box';
  const hint = htmlElement('p');
  hint.className = 'hint';
  hint.textContent = t('regionHint');
  hint.setAttribute('role', 'status');
  frame.append(dim, box, hint);
  adoptStyles(shadow);
  shadow.append(frame);

  let start: { x: number; y: number } | undefined;
  let current: Box | undefined;
  const close = () => {
    host.remove();
    if (active?.host === host) active = undefined;
  };
  const handle = (event: PointerEvent) => {
    if (!event.isTrusted) return;
    if (event.cancelable) event.preventDefault();
    if (event.type === 'pointerdown') {
      if (event.button !== 0) return;
      try {
        host.setPointerCapture(event.pointerId);
      } catch {
        // A pointer the browser already let go of: the moves still reach window.
      }
      start = { x: event.clientX, y: event.clientY };
      current = boxBetween(start, start);
      hint.hidden = true;
    } else if (event.type === 'pointermove' && start) {
      current = boxBetween(start, { x: event.clientX, y: event.clientY });
      frame.className = 'selecting';
      Object.assign(box.style, { left: `${current.left}px`, top: `${current.top}px`, width: `${current.width}px`, height: `${current.height}px` });
    } else if (event.type === 'pointercancel' && start) {
      start = undefined;
      frame.className = '';
      hint.hidden = false;
    } else if (event.type === 'pointerup' && start) {
      const chosen = boxBetween(start, { x: event.clientX, y: event.clientY });
      start = undefined;
      if (chosen.width < MIN_SIDE || chosen.height < MIN_SIDE) {
        frame.className = '';
        hint.hidden = false;
        return;
      }
      close();
      // The dimming must be off the screen before the region is captured.
      void shownOnScreen().then(() => onChosen(chosen));
    }
  };

  document.documentElement.append(host);
  showOnTop(host);
  active = { host, cancel: close, handle };
  return true;
}
