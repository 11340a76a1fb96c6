/**
 * A right-clicked picture is read while the context menu is open: one the page may not read is
 * captured then (the capture is most of such a click's wait), one it may read is copied then.
 * "Identify image" uses that read if it chose the same picture within KEEP_MS; otherwise it is
 * dropped (a capture's crop is dropped by the worker after SHOT_KEEP_MS whatever happens). What
 * is read is what the user right-clicked, as they saw it then. Only pictures with an address are
 * read early: a canvas or a playing video is read as it is at the menu click.
 */
import type { ImageSource } from '../../shared/types';
import type { ImageTarget } from '../find/image-target';

/** Longer than choosing a menu item takes, shorter than the worker keeps a capture's crop (5 s). */
const KEEP_MS = 4_000;

interface EarlyRead {
  url: string;
  element: Element;
  at: number;
  source: Promise<ImageSource | undefined>;
}

let early: EarlyRead | undefined;

/** Reads `target` now (with `read`), for the menu click that may follow. */
export function readEarly(target: ImageTarget, read: (target: ImageTarget) => Promise<ImageSource>): void {
  if (target.kind !== 'url' || !target.element) return;
  const source = read(target).catch(() => undefined);
  const entry: EarlyRead = { url: target.url, element: target.element, at: performance.now(), source };
  early = entry;
  setTimeout(() => {
    if (early === entry) early = undefined;
  }, KEEP_MS);
}

/**
 * The early read of `target` if it is the picture read and still recent (handed out once), else
 * undefined. A target without an element is the right-clicked address the page no longer shows
 * (a carousel moved on): its early read is that picture as the user saw it.
 */
export async function takeEarlyRead(target: ImageTarget): Promise<ImageSource | undefined> {
  const found = early;
  early = undefined;
  if (!found || performance.now() - found.at > KEEP_MS || target.kind !== 'url' || target.url !== found.url) return undefined;
  return target.element === undefined || target.element === found.element ? found.source : undefined;
}
