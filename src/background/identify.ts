import { GlimpseFailure, toGlimpseError } from '../shared/errors';
import { imageProblem } from '../shared/sniff';
import type { HistoryEntry, ImageOrigin, ImageSource, Outcome } from '../shared/types';
import { classifyBytes } from './engine-host';
import { fetchImageBytes } from './fetch-image';
import { history, setLatest } from './storage';

async function bytesOf(source: ImageSource): Promise<ArrayBuffer> {
  const bytes = source.kind === 'url' ? await fetchImageBytes(source.url) : source.bytes;
  // Servers mislabel images, and error pages come back as "images": the bytes decide. What they
  // already rule out (bombs, cut-off files, spacer pixels) never reaches the engine.
  const problem = imageProblem(bytes);
  if (problem) throw new GlimpseFailure(problem);
  return bytes;
}

const keepableUrl = (url: string): string | undefined => (/^(https?|file):/i.test(url) ? url : undefined);

/** Identifies one image end to end: bytes, engine, history, and the popup's "latest". */
export async function identify(source: ImageSource, origin: ImageOrigin): Promise<Outcome<HistoryEntry>> {
  const startedAt = Date.now();
  const fullOrigin: ImageOrigin = {
    ...origin,
    imageUrl: origin.imageUrl ?? (source.kind === 'url' ? keepableUrl(source.url) : undefined),
  };
  await setLatest({ kind: 'working', at: startedAt, origin: fullOrigin }).catch(() => undefined);
  try {
    const classification = await classifyBytes(await bytesOf(source));
    const entry: HistoryEntry = { ...classification, id: crypto.randomUUID(), createdAt: Date.now(), origin: fullOrigin };
    try {
      await history.add(entry);
    } catch (error) {
      // The answer still reaches the user; only this entry is missing from history.
      console.warn('[glimpse] could not save to history', error);
    }
    await setLatest({ kind: 'answer', entryId: entry.id, at: entry.createdAt }).catch(() => undefined);
    return { ok: true, value: entry };
  } catch (thrown) {
    const error = toGlimpseError(thrown);
    console.warn(`[glimpse] identification failed: ${error.code}${error.detail ? ` (${error.detail})` : ''}`);
    await setLatest({ kind: 'error', error, at: Date.now(), origin: fullOrigin }).catch(() => undefined);
    return { ok: false, error };
  }
}
