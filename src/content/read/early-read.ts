/**
 * A right-clicked picture is read while the context menu is open: one the page may not read is
 * captured then (the capture is most of such a click's wait), one it may read is copied then and
 * handed to the worker at once (background 'hold-pixels'), so "Identify image" carries only its
 * name. "Identify image" uses that read if it chose the same picture within KEEP_MS; otherwise it
 * is dropped (the worker drops a capture's crop and held pixels after 5 s whatever happens). What
 * is read is what the user right-clicked, as they saw it then. Only pictures with an address are
 * read early: a canvas or a playing video is read as it is at the menu click.
 */
import { send } from '../../shared/messaging';
import type { ImageSource } from '../../shared/types';
import type { ImageTarget } from '../find/image-target';

/** Longer than choosing a menu item takes, shorter than the worker keeps what it was handed (5 s). */
const KEEP_MS = 4_000;

interface EarlyRead {
  url: string;
  element: Element;
  at: number;
  source: Promise<ImageSource | undefined>;
}

let early: EarlyRead | undefined;

/** The pixels behind each held source, for when the worker no longer holds them (it was restarted). */
const heldBytes = new WeakMap<ImageSource, ImageSource>();

/** Pixels read from the page go to the worker now; the source then names them (else it carries them, as before). */
async function handOver(source: ImageSource): Promise<ImageSource> {
  if (source.kind !== 'bytes') return source;
  const outcome = await send('background', 'hold-pixels', { bytes: source.bytes }).catch(() => undefined);
  if (!outcome?.ok) return source;
  const held: ImageSource = { kind: 'held', id: outcome.value.id };
  heldBytes.set(held, source);
  return held;
}

/** Reads `target` now (with `read`), for the menu click that may follow. */
export function readEarly(target: ImageTarget, read: (target: ImageTarget) => Promise<ImageSource>): void {
  if (target.kind !== 'url' || !target.element) return;
  const source = read(target).then(handOver).catch(() => undefined);
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

/** The pixels a held source names, as the page read them (undefined for any other source). */
export const pixelsBehind = (source: ImageSource): ImageSource | undefined => heldBytes.get(source);
