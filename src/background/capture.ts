/**
 * Captures of the visible tab: what the user sees, read without any request. The page's side
 * asks for one when it knows where its pictures are (after hiding Glimpse's own elements inside
 * their closed shadow roots, where page script cannot see it), and checks after the capture that
 * nothing moved. Chrome allows two captureVisibleTab calls a second: a capture waits only when the
 * last one was too recent, and requests that arrive during that wait share the next capture.
 * A capture lives in this worker's memory only until its areas are cropped; each crop until its
 * identification takes it, and never longer than SHOT_KEEP_MS.
 */
import browser from 'webextension-polyfill';
import { decodeDataUrl } from './data-url';
import { fail } from '../shared/errors';
import { fitWithin } from '../shared/geometry';
import { rgbaBmp } from '../shared/rgba-bmp';
import type { ScreenArea } from '../shared/types';
import { captureOptions } from './capture-format';
import { sendAhead } from './sent-ahead';
import { KeptBriefly } from '../shared/kept-briefly';

/** Chrome's limit is 2 a second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND); a little margin. */
const MIN_GAP_MS = 520;
/** A crop nobody asked for by then (the page moved, the request was lost) is dropped. */
export const SHOT_KEEP_MS = 5_000;
/** Crops are handed to the engine no larger than this on a side (it looks at 224x224). */
const MAX_CROP_SIDE = 1024;

interface Capture {
  dataUrl: string;
  capturedAt: number;
}

interface Waiting {
  tabId: number;
  windowId: number;
  capture: Promise<Capture>;
}

let lastCaptureAt = -Infinity;
let captures = 0;
let previous: Promise<unknown> = Promise.resolve();
let waiting: Waiting | undefined;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const nextTask = () => sleep(0);

async function take(entry: Waiting): Promise<Capture> {
  const wait = lastCaptureAt + MIN_GAP_MS - Date.now();
  if (wait > 0) await sleep(wait);
  // From here on, later requests need a capture of their own (the page may have changed).
  if (waiting === entry) waiting = undefined;
  const tab = await browser.tabs.get(entry.tabId);
  if (!tab.active) fail('off-screen', { detail: 'the tab is no longer the visible one' });
  lastCaptureAt = Date.now();
  captures++;
  const dataUrl = await browser.tabs.captureVisibleTab(entry.windowId, captureOptions());
  return { dataUrl, capturedAt: Date.now() };
}

/** The visible part of a tab, as soon as Chrome's rate limit allows (now, unless a capture was just taken). */
function captureVisible(tabId: number, windowId: number): Promise<Capture> {
  if (waiting && waiting.tabId === tabId && waiting.windowId === windowId) return waiting.capture;
  const entry = { tabId, windowId } as Waiting;
  entry.capture = previous.catch(() => undefined).then(() => take(entry));
  waiting = entry;
  previous = entry.capture;
  return entry.capture;
}

async function decode({ dataUrl }: Capture): Promise<ImageBitmap> {
  const { bytes, mimeType } = decodeDataUrl(dataUrl, Number.MAX_SAFE_INTEGER);
  return createImageBitmap(new Blob([bytes], { type: mimeType }));
}

/** The whole visible tab as a bitmap (a page scan's screenful crops all its pictures from one; the caller closes it). */
export async function captureTab(tabId: number, windowId: number): Promise<ImageBitmap> {
  return decode(await captureVisible(tabId, windowId));
}

/** The device-pixel rectangle of `area` inside a capture, clipped to it. */
export function deviceRect(area: ScreenArea, bitmap: { width: number; height: number }) {
  const left = Math.max(0, Math.round(area.left * area.dpr));
  const top = Math.max(0, Math.round(area.top * area.dpr));
  const right = Math.min(bitmap.width, Math.round((area.left + area.width) * area.dpr));
  const bottom = Math.min(bitmap.height, Math.round((area.top + area.height) * area.dpr));
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

/** One area of a capture as uncompressed image bytes (rgba-bmp.ts), at most MAX_CROP_SIDE on a side. */
export function cropArea(bitmap: ImageBitmap, area: ScreenArea): ArrayBuffer {
  const rect = deviceRect(area, bitmap);
  if (rect.width < 1 || rect.height < 1) fail('off-screen', { detail: 'the area is outside the visible tab' });
  const size = fitWithin(rect.width, rect.height, MAX_CROP_SIDE);
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return fail('internal', { detail: 'no 2D context in the worker' });
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, rect.left, rect.top, rect.width, rect.height, 0, 0, size.width, size.height);
  return rgbaBmp(context.getImageData(0, 0, size.width, size.height).data, size.width, size.height);
}

const shots = new KeptBriefly<{ tabId: number; crop: Promise<ArrayBuffer> }>(SHOT_KEEP_MS);

/**
 * Captures the tab now and crops each area of it; answers once the capture is taken, with one
 * shot id per area (the crops are made meanwhile). A batch of areas shares the one capture.
 */
export async function takeShots(tabId: number, windowId: number, areas: ScreenArea[]): Promise<{ shots: string[]; capturedAt: number }> {
  const capture = await captureVisible(tabId, windowId);
  const bitmap = decode(capture);
  // One crop per task, in order: each goes on to the engine as soon as it is made, not after all of them.
  let previousCrop: Promise<unknown> = bitmap;
  const crops = areas.map((area) => {
    const crop = previousCrop.catch(() => undefined).then(nextTask).then(() => bitmap).then((decoded) => cropArea(decoded, area));
    previousCrop = crop;
    // A single picture's capture (one taken at a right-click): its crop goes on to the engine at once.
    if (areas.length === 1) void crop.then(sendAhead, () => undefined);
    crop.catch(() => undefined);
    return crop;
  });
  const ids = crops.map((crop) => {
    const id = crypto.randomUUID();
    shots.put(id, { tabId, crop });
    return id;
  });
  void Promise.allSettled(crops).then(() => bitmap.then((decoded) => decoded.close(), () => undefined));
  return { shots: ids, capturedAt: capture.capturedAt };
}

/** The crop of a shot taken for `tabId` (once: it is forgotten as it is handed out). */
export function takeCrop(id: string, tabId: number): Promise<ArrayBuffer> {
  const shot = shots.take(id, (kept) => kept.tabId === tabId);
  if (!shot) return fail('off-screen', { detail: 'the capture of the picture is gone' });
  return shot.crop;
}

/** One area of the tab as it is now, for a request that came without a shot of its own. */
export async function captureArea(tabId: number, windowId: number, area: ScreenArea): Promise<ArrayBuffer> {
  const [id] = (await takeShots(tabId, windowId, [area])).shots;
  return takeCrop(id!, tabId);
}

/** Captures of the tab since the worker started (tests: a page scan's screenful takes one). */
export const captureCount = (): number => captures;

/** How many crops are held now (tests: nothing stays in memory). */
export const heldShots = (): number => shots.size;
