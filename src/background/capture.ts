/**
 * Captures of the visible tab: what the user sees, read without any request. Chrome allows two
 * captureVisibleTab calls a second, so requests wait their turn, and requests that arrive
 * together share one capture. Glimpse's own cards and overlays are hidden in every frame while
 * the capture is taken. Captures stay in this worker's memory and are dropped once cropped.
 */
import browser from 'webextension-polyfill';
import { decodeDataUrl } from './data-url';
import { fail } from '../shared/errors';
import type { ScreenArea } from '../shared/types';

/** Chrome's limit is 2 a second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND); a little margin. */
const MIN_GAP_MS = 520;
/** Requests this close together (a page scan, several right-clicks) share one capture. */
const GATHER_MS = 40;

interface Shot {
  windowId: number;
  tabId: number;
  bitmap: Promise<ImageBitmap>;
}

let lastCaptureAt = -Infinity;
let previous: Promise<unknown> = Promise.resolve();
let gathering: Shot | undefined;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Runs in every frame of the tab (scripting.executeScript): hides or restores Glimpse's elements. */
function toggleGlimpseUi(hidden: boolean): Promise<void> {
  const MARK = 'data-glimpse-capture-hidden';
  if (!hidden) {
    for (const element of document.querySelectorAll<HTMLElement>(`[${MARK}]`)) {
      const [value, priority] = (element.getAttribute(MARK) ?? '|').split('|');
      if (value) element.style.setProperty('opacity', value, priority);
      else element.style.removeProperty('opacity');
      element.removeAttribute(MARK);
    }
    return Promise.resolve();
  }
  for (const element of document.querySelectorAll<HTMLElement>('[data-glimpse-ui], [data-glimpse-card]')) {
    if (element.hasAttribute(MARK)) continue;
    element.setAttribute(MARK, `${element.style.getPropertyValue('opacity')}|${element.style.getPropertyPriority('opacity')}`);
    element.style.setProperty('opacity', '0', 'important');
  }
  // Two frames later the hidden state has been painted.
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, 250);
    requestAnimationFrame(() => requestAnimationFrame(() => (clearTimeout(timer), resolve())));
  });
}

async function setGlimpseUiHidden(tabId: number, hidden: boolean): Promise<void> {
  try {
    await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: toggleGlimpseUi, args: [hidden] });
  } catch (error) {
    // A frame Glimpse may not script (an error page): its own cards cannot be there either.
    console.warn('[glimpse] could not toggle Glimpse elements for a capture', error);
  }
}

async function takeCapture(shot: Shot): Promise<ImageBitmap> {
  await sleep(Math.max(GATHER_MS, lastCaptureAt + MIN_GAP_MS - Date.now()));
  // From here on, later requests need a capture of their own (the page may have changed).
  if (gathering === shot) gathering = undefined;
  const tab = await browser.tabs.get(shot.tabId);
  if (!tab.active) fail('off-screen', { detail: 'the tab is no longer the visible one' });
  await setGlimpseUiHidden(shot.tabId, true);
  let dataUrl: string;
  try {
    lastCaptureAt = Date.now();
    dataUrl = await browser.tabs.captureVisibleTab(shot.windowId, { format: 'png' });
  } finally {
    await setGlimpseUiHidden(shot.tabId, false);
  }
  const { bytes, mimeType } = decodeDataUrl(dataUrl, Number.MAX_SAFE_INTEGER);
  return createImageBitmap(new Blob([bytes], { type: mimeType }));
}

/** The visible part of a tab as it is now (Glimpse's own elements left out). */
export function captureTab(tabId: number, windowId: number): Promise<ImageBitmap> {
  if (gathering && gathering.tabId === tabId && gathering.windowId === windowId) return gathering.bitmap;
  const shot = { tabId, windowId } as Shot;
  shot.bitmap = previous.catch(() => undefined).then(() => takeCapture(shot));
  gathering = shot;
  previous = shot.bitmap;
  return shot.bitmap;
}

/** The device-pixel rectangle of `area` inside a capture, clipped to it. */
export function deviceRect(area: ScreenArea, bitmap: { width: number; height: number }) {
  const left = Math.max(0, Math.round(area.left * area.dpr));
  const top = Math.max(0, Math.round(area.top * area.dpr));
  const right = Math.min(bitmap.width, Math.round((area.left + area.width) * area.dpr));
  const bottom = Math.min(bitmap.height, Math.round((area.top + area.height) * area.dpr));
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

/** PNG bytes of one area of a capture. */
export async function cropToPng(bitmap: ImageBitmap, area: ScreenArea): Promise<ArrayBuffer> {
  const rect = deviceRect(area, bitmap);
  if (rect.width < 1 || rect.height < 1) fail('off-screen', { detail: 'the area is outside the visible tab' });
  const canvas = new OffscreenCanvas(rect.width, rect.height);
  const context = canvas.getContext('2d');
  if (!context) return fail('internal', { detail: 'no 2D context in the worker' });
  context.drawImage(bitmap, rect.left, rect.top, rect.width, rect.height, 0, 0, rect.width, rect.height);
  return (await canvas.convertToBlob({ type: 'image/png' })).arrayBuffer();
}
