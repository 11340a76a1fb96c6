/**
 * Picture bytes the service worker sent ahead of their identification (pixels the page read at a
 * right-click, while the context menu is open), so "Identify image" carries only their id. They
 * are decoded and made into the model's views at once (no model runs until the user chooses
 * "Identify image"); kept 5 s at most, the last four only, each taken once.
 */
import { KeptBriefly } from '../shared/kept-briefly';
import { viewsMade, type LaterViews, type PreparedImage } from './prepare';

export const STAGED_KEEP_MS = 5_000;

export interface Staged {
  bytes: ArrayBuffer;
  /** The picture decoded and made into the model's views (its taker closes the bitmap). */
  views: LaterViews;
}

// One never taken has its bitmap closed here.
const staged = new KeptBriefly<Staged>(STAGED_KEEP_MS, 4, ({ views }) => views.discard());

export function stage(id: string, bytes: ArrayBuffer, prepare: (bytes: ArrayBuffer) => Promise<PreparedImage>): void {
  const prepared = prepare(bytes);
  prepared.catch(() => undefined);
  staged.put(id, { bytes, views: viewsMade(prepared) });
}

/** What was staged as `id`, once; undefined when it never came or is gone. */
export const takeStaged = (id: string): Staged | undefined => staged.take(id);
