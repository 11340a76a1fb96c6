/**
 * Picture bytes the service worker sent ahead of their identification (pixels the page read at a
 * right-click, while the context menu is open), so "Identify image" carries only their id. They
 * are decoded and made into the model's views at once (no model runs until the user chooses
 * "Identify image"); kept 5 s at most, the last four only, each taken once.
 */
import { KeptBriefly } from '../shared/kept-briefly';
import type { PreparedImage } from './prepare';

export interface Staged {
  bytes: ArrayBuffer;
  /** The picture decoded and made into the model's views (its taker closes the bitmap). */
  prepared: Promise<PreparedImage>;
}

// One never taken has its bitmap closed here.
const staged = new KeptBriefly<Staged>(5_000, 4, ({ prepared }) => void prepared.then((image) => image.bitmap.close(), () => undefined));

export function stage(id: string, bytes: ArrayBuffer, prepare: (bytes: ArrayBuffer) => Promise<PreparedImage>): void {
  const prepared = prepare(bytes);
  prepared.catch(() => undefined);
  staged.put(id, { bytes, prepared });
}

/** What was staged as `id`, once; undefined when it never came or is gone. */
export const takeStaged = (id: string): Staged | undefined => staged.take(id);
