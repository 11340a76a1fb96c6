/**
 * "Identify a region…": the page dims, the user drags a box, releasing the mouse confirms it
 * (as in a screenshot tool) and Esc cancels. Runs in the top frame, over everything, in the top
 * layer; only trusted (real) pointer events draw the box.
 */
import { t } from '../shared/i18n';
import { customElement, htmlElement } from './html';
import type { Box } from '../shared/screen-geometry';
import { veilable } from './capture-veil';

/** A box smaller than this (CSS px on a side) is a click, not a selection: keep selecting. */
const MIN_SIDE = 8;

const HOST_STYLE = [
  'all: initial', 'position: fixed', 'inset: 0', 'width: 100vw', 'height: 100vh', 'margin: 0', 'padding: 0', 'border: 0',
  'max-width: none', 'max-height: none', 'background: transparent', 'z-index: 2147483647', 'cursor: crosshair',
  'display: block', 'visibility: visible', 'opacity: 1', 'pointer-events: auto', 'touch-action: none', 'user-select: none',
].map((declaration) => `${declaration} !important`).join('; ');

const CSS = `
  .dim { position: fixed; inset: 0; background: rgba(15, 23, 42, 0.45); }
  .box { position: fixed; display: none; outline: 2px dashed #f8fafc; outline-offset: 0;
    box-shadow: 0 0 0 100vmax rgba(15, 23, 42, 0.45); }
  .selecting .dim { display: none; }
  .selecting .box { display: block; }
  .hint { position: fixed; top: 16px; left: 50%; transform: translateX(-50%); padding: 8px 14px; border-radius: 8px;
    background: #0f172a; color: #f8fafc; font: 600 15px/1.4 system-ui, sans-serif; box-shadow: 0 4px 16px rgba(0,0,0,.35); }
`;

interface Selection {
  host: HTMLElement;
  cancel(): void;
}

let active: Selection | undefined;

const boxBetween = (a: { x: number; y: number }, b: { x: number; y: number }): Box => ({
  left: Math.min(a.x, b.x), top: Math.min(a.y, b.y), width: Math.abs(a.x - b.x), height: Math.abs(a.y - b.y),
});

/** Whether region select is open (Esc then cancels it rather than closing a card). */
export const isSelectingRegion = (): boolean => active !== undefined;

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
  const host = customElement('glimpse-region');
  host.setAttribute('data-glimpse-ui', '');
  host.setAttribute('data-glimpse-region', '');
  host.style.cssText = HOST_STYLE;
  const shadow = host.attachShadow({ mode: 'closed' });
  veilable(host, shadow);
  const frame = htmlElement('div');
  const dim = htmlElement('div');
  dim.className = 'dim';
  const box = htmlElement('div');
  box.className = 'box';
  const hint = htmlElement('p');
  hint.className = 'hint';
  hint.textContent = t('regionHint');
  hint.setAttribute('role', 'status');
  const style = htmlElement('style');
  style.textContent = CSS;
  frame.append(dim, box, hint);
  shadow.append(style, frame);

  let start: { x: number; y: number } | undefined;
  let current: Box | undefined;
  const close = () => {
    host.remove();
    if (active?.host === host) active = undefined;
  };
  host.addEventListener('pointerdown', (event) => {
    if (!event.isTrusted || event.button !== 0) return;
    event.preventDefault();
    event.stopPropagation();
    host.setPointerCapture(event.pointerId);
    start = { x: event.clientX, y: event.clientY };
    current = boxBetween(start, start);
    hint.hidden = true;
  });
  host.addEventListener('pointermove', (event) => {
    if (!event.isTrusted || !start) return;
    event.preventDefault();
    current = boxBetween(start, { x: event.clientX, y: event.clientY });
    frame.className = 'selecting';
    Object.assign(box.style, { left: `${current.left}px`, top: `${current.top}px`, width: `${current.width}px`, height: `${current.height}px` });
  });
  host.addEventListener('pointerup', (event) => {
    if (!event.isTrusted || !start) return;
    event.preventDefault();
    const chosen = boxBetween(start, { x: event.clientX, y: event.clientY });
    start = undefined;
    if (chosen.width < MIN_SIDE || chosen.height < MIN_SIDE) {
      frame.className = '';
      hint.hidden = false;
      return;
    }
    close();
    onChosen(chosen);
  });
  // The page must not act on clicks meant for the selection.
  for (const type of ['click', 'contextmenu', 'mousedown', 'mouseup', 'dblclick']) {
    host.addEventListener(type, (event) => (event.preventDefault(), event.stopPropagation()));
  }

  document.documentElement.append(host);
  host.popover = 'manual';
  try {
    host.showPopover();
  } catch {
    // The fixed position and top z-index still put it above almost everything.
  }
  active = { host, cancel: close };
  return true;
}
