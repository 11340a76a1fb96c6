/**
 * Pictures the service worker sent ahead of their identification, so that the identification
 * carries only an id:
 * - bytes the page read at a right-click (while the context menu is open): decoded and made into
 *   the model's views at once (no model runs until the user chooses "Identify image"); the last
 *   four only;
 * - a page scan's capture of the tab with the areas of its pictures: decoded once, and each
 *   picture cut out of it when its batch comes (no crop is encoded, sent or decoded on its own).
 * Each is taken once, and kept 5 s at most.
 */
import { MAX_CAPTURE_AREAS } from '../shared/protocol';
import type { ScreenArea } from '../shared/picture-source';
import { KeptBriefly } from '../shared/kept-briefly';
import { viewsMade, type LaterViews, type PreparedImage } from './prepare';

export const STAGED_KEEP_MS = 5_000;

export interface Staged {
  /** The picture's bytes (absent for a crop of a capture: the views are all there is). */
  bytes?: ArrayBuffer;
  views: LaterViews;
}

// One never taken has its bitmap closed here.
const staged = new KeptBriefly<Staged>(STAGED_KEEP_MS, 4, ({ views }) => views.discard());

export function stage(id: string, bytes: ArrayBuffer, prepare: (bytes: ArrayBuffer) => Promise<PreparedImage>): void {
  const prepared = prepare(bytes);
  prepared.catch(() => undefined);
  staged.put(id, { bytes, views: viewsMade(prepared) });
}

type Cut = (capture: ImageBitmap, area: ScreenArea) => Promise<PreparedImage>;

/** A capture, decoded once, and how many of its crops are still to be taken. */
interface Capture {
  bitmap: Promise<ImageBitmap>;
  untaken: number;
  cut: Cut;
}

interface Crop {
  capture: Capture;
  area: ScreenArea;
}

/** The capture's bitmap goes once none of its crops can be taken any more. */
function release(capture: Capture): void {
  if (--capture.untaken === 0) void capture.bitmap.then((bitmap) => bitmap.close(), () => undefined);
}

const crops = new KeptBriefly<Crop>(STAGED_KEEP_MS, MAX_CAPTURE_AREAS, ({ capture }) => release(capture));

export function stageCapture(
  bytes: ArrayBuffer,
  areas: { id: string; area: ScreenArea }[],
  decode: (bytes: ArrayBuffer) => Promise<ImageBitmap>,
  cut: Cut,
): void {
  if (areas.length === 0) return;
  const capture: Capture = { bitmap: decode(bytes), untaken: areas.length, cut };
  capture.bitmap.catch(() => undefined);
  for (const { id, area } of areas) crops.put(id, { capture, area });
}

function takeCrop(id: string): Staged | undefined {
  const crop = crops.take(id);
  if (!crop) return undefined;
  const { capture, area } = crop;
  let settled = false;
  const settle = () => {
    if (settled) return;
    settled = true;
    release(capture);
  };
  return {
    views: {
      take: () => capture.bitmap.then((bitmap) => capture.cut(bitmap, area)).finally(settle),
      discard: settle,
    },
  };
}

/** What was staged as `id`, once; undefined when it never came or is gone. */
export const takeStaged = (id: string): Staged | undefined => staged.take(id) ?? takeCrop(id);
