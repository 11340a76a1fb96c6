/**
 * Picture bytes the service worker sent ahead of their identification (pixels the page read at a
 * right-click, while the context menu is open), so "Identify image" carries only their id. They
 * are decoded and made into the model's views at once (no model runs until the user chooses
 * "Identify image"); kept seconds at most, the last few only, each taken once.
 */
import type { PreparedImage } from './prepare';

const KEEP_MS = 5_000;
const MAX_STAGED = 4;

export interface Staged {
  bytes: ArrayBuffer;
  /** The picture decoded and made into the model's views (its taker closes the bitmap). */
  prepared: Promise<PreparedImage>;
}

const staged = new Map<string, Staged & { timer: ReturnType<typeof setTimeout> }>();

function drop(id: string): void {
  const entry = staged.get(id);
  if (!entry) return;
  clearTimeout(entry.timer);
  staged.delete(id);
  // Never taken: its bitmap is closed here.
  entry.prepared.then((image) => image.bitmap.close(), () => undefined);
}

export function stage(id: string, bytes: ArrayBuffer, prepare: (bytes: ArrayBuffer) => Promise<PreparedImage>): void {
  drop(id);
  const prepared = prepare(bytes);
  prepared.catch(() => undefined);
  staged.set(id, { bytes, prepared, timer: setTimeout(() => drop(id), KEEP_MS) });
  for (const oldest of [...staged.keys()].slice(0, Math.max(0, staged.size - MAX_STAGED))) drop(oldest);
}

/** What was staged as `id`, once; undefined when it never came or is gone. */
export function takeStaged(id: string): Staged | undefined {
  const entry = staged.get(id);
  if (!entry) return undefined;
  clearTimeout(entry.timer);
  staged.delete(id);
  return { bytes: entry.bytes, prepared: entry.prepared };
}
