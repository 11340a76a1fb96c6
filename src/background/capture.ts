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
import { cropOf } from '../shared/capture-crop';
import { rgbaBmp } from '../shared/rgba-bmp';
import type { ScreenArea } from '../shared/types';
import { captureOptions } from './capture-format';
import { sendAhead } from './sent-ahead';
import { stageCaptureForEngine } from './engine-host';
import { CAPTURE_TYPES } from '../shared/protocol';
import { KeptBriefly } from '../shared/kept-briefly';

/** Chrome's limit is 2 a second (MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND); a little margin. */
const MIN_GAP_MS = 520;
/** A crop nobody asked for by then (the page moved, the request was lost) is dropped. */
export const SHOT_KEEP_MS = 5_000;

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
let sentWhole = 0;
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

/** One area of a capture as uncompressed image bytes (rgba-bmp.ts), at most MAX_CROP_SIDE on a side. */
export function cropArea(bitmap: ImageBitmap, area: ScreenArea): ArrayBuffer {
  const crop = cropOf(area, bitmap);
  if (!crop) return fail('off-screen', { detail: 'the area is outside the visible tab' });
  const { from: rect, ...size } = crop;
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return fail('internal', { detail: 'no 2D context in the worker' });
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, rect.left, rect.top, rect.width, rect.height, 0, 0, size.width, size.height);
  return rgbaBmp(context.getImageData(0, 0, size.width, size.height).data, size.width, size.height);
}

/**
 * A shot's picture: its crop's bytes (made when first asked for), and the id the engine holds it
 * under when it was sent the whole capture (then the bytes are made only if it lost them).
 */
export interface ShotCrop {
  bytes(): Promise<ArrayBuffer>;
  engineHas?: string;
}

const shots = new KeptBriefly<{ tabId: number; crop: Promise<ShotCrop> }>(SHOT_KEEP_MS);

/**
 * Captures the tab now and keeps a crop of each area; answers once the capture is taken, with one
 * shot id per area. A batch of areas (a page scan's screenful) shares the one capture, which goes
 * to the engine whole: it cuts each picture out itself, and this worker makes a crop only for
 * what needs its bytes here. A single area's crop is made at once and sent on to the engine.
 */
export async function takeShots(tabId: number, windowId: number, areas: ScreenArea[]): Promise<{ shots: string[]; capturedAt: number }> {
  const capture = await captureVisible(tabId, windowId);
  const ids = areas.map(() => crypto.randomUUID());
  const crops = areas.length === 1 ? [cropNow(capture, areas[0]!)] : cropsOfScreenful(capture, areas, ids);
  crops.forEach((crop, i) => {
    crop.catch(() => undefined);
    shots.put(ids[i]!, { tabId, crop });
  });
  return { shots: ids, capturedAt: capture.capturedAt };
}

function cropNow(capture: Capture, area: ScreenArea): Promise<ShotCrop> {
  const crop = decode(capture).then((bitmap) => {
    try {
      return cropArea(bitmap, area);
    } finally {
      bitmap.close();
    }
  });
  // A single picture's capture (one taken at a right-click): its crop goes on to the engine at once.
  void crop.then(sendAhead, () => undefined);
  return crop.then((bytes) => ({ bytes: async () => bytes }));
}

function cropsOfScreenful(capture: Capture, areas: ScreenArea[], ids: string[]): Promise<ShotCrop>[] {
  const staged = nextTask().then(() => stageScreenful(capture, ids.map((id, i) => ({ id, area: areas[i]! })))).catch(() => false);
  const cutter = new CaptureCutter(capture);
  // Handed out once the engine holds the capture (or will not).
  return areas.map(async (area, i) => ({ bytes: () => cutter.crop(area), ...((await staged) ? { engineHas: ids[i]! } : {}) }));
}

/** Crops of one capture, decoded when the first is asked for and kept decoded a few seconds. */
class CaptureCutter {
  private decoded?: Promise<ImageBitmap>;

  constructor(private readonly capture: Capture) {}

  async crop(area: ScreenArea): Promise<ArrayBuffer> {
    this.decoded ??= decode(this.capture).then((bitmap) => {
      setTimeout(() => {
        this.decoded = undefined;
        bitmap.close();
      }, SHOT_KEEP_MS);
      return bitmap;
    });
    return cropArea(await this.decoded, area);
  }
}

/** The capture and its areas sent ahead to the engine: true once it holds them. */
async function stageScreenful({ dataUrl }: Capture, crops: { id: string; area: ScreenArea }[]): Promise<boolean> {
  const { bytes, mimeType } = decodeDataUrl(dataUrl, Number.MAX_SAFE_INTEGER);
  const type = CAPTURE_TYPES.find((known) => known === mimeType);
  const staged = type ? await stageCaptureForEngine({ bytes, mimeType: type }, crops) : false;
  if (staged) sentWhole++;
  return staged;
}

/** The crop of a shot taken for `tabId` (once: it is forgotten as it is handed out). */
export function takeCrop(id: string, tabId: number): Promise<ShotCrop> {
  const shot = shots.take(id, (kept) => kept.tabId === tabId);
  if (!shot) return fail('off-screen', { detail: 'the capture of the picture is gone' });
  return shot.crop;
}

/** One area of the tab as it is now, for a request that came without a shot of its own. */
export async function captureArea(tabId: number, windowId: number, area: ScreenArea): Promise<ArrayBuffer> {
  const [id] = (await takeShots(tabId, windowId, [area])).shots;
  return (await takeCrop(id!, tabId)).bytes();
}

/** Captures of the tab since the worker started (tests: a page scan's screenful takes one). */
export const captureCount = (): number => captures;

/** Captures the engine was sent whole to cut its pictures from (tests: a page scan's screenful is). */
export const capturesSentWhole = (): number => sentWhole;

/** How many crops are held now (tests: nothing stays in memory). */
export const heldShots = (): number => shots.size;
