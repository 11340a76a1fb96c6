import { GlimpseFailure, toGlimpseError } from '../shared/errors';
import { inspectImage } from '../shared/image-problem';
import type { ImageFormat } from '../shared/sniff';
import { history, latest } from '../shared/store';
import type { HistoryEntry, ImageOrigin, ImageSource, Outcome } from '../shared/types';
import { safeOrigin } from './url';
import { classifyAnswerFirst } from './engine-host';
import { sentAheadAs } from './sent-ahead';
import { startFinding } from './find-objects';
import { pixelsOrEngines, type EnginePixels, type Pixels, type Requester } from './pixels';

async function checkedPixels(source: ImageSource, requester: Requester): Promise<(Pixels & { format: ImageFormat }) | EnginePixels> {
  const pixels = await pixelsOrEngines(source, requester);
  // A crop the engine holds is checked there, as it cuts it.
  if ('engineHas' in pixels) return pixels;
  // Servers mislabel images, and error pages come back as "images": the bytes decide. What they
  // already rule out (bombs, cut-off files, spacer pixels) never reaches the engine, which is
  // told the format found (the bytes are sniffed once).
  const { image, problem } = inspectImage(pixels.bytes);
  if (problem) throw new GlimpseFailure(problem);
  return { ...pixels, format: image.format };
}

/**
 * A worker that has just started runs no identification, so a "working" outcome in storage was
 * left by a worker stopped mid-way (Chrome stops workers; a crash or an update can too). Left
 * alone, it would keep the popup's spinner turning: it becomes "interrupted". Identifications
 * wait for this first, so it never overwrites their own "working".
 */
const workerStartedAt = Date.now();
const staleWorkingSettled = (async () => {
  try {
    const stored = await latest.getValue();
    if (stored?.kind === 'working' && stored.at < workerStartedAt) {
      const error = { code: 'interrupted' as const, detail: 'the service worker stopped before it finished' };
      await latest.setValue({ kind: 'error', error, at: Date.now(), origin: stored.origin });
    }
  } catch (error) {
    console.warn('[glimpse] could not check the latest outcome', error);
  }
})();

const keepableUrl = (url: string): string | undefined => (/^(https?|file):/i.test(url) ? url : undefined);

/**
 * Identifies one image end to end: bytes, engine, history, and the popup's "latest". The pictures
 * of a page scan (`scanId`) share one history group, and only their answers become "latest": two
 * dozen "working" and failure flashes would tell the popup nothing. `requestedAt` is when the user
 * asked (the menu click), for the time they waited (`waitedMs`); else now.
 */
export async function identify(
  source: ImageSource,
  origin: ImageOrigin,
  { tab, screen, scanId, requestedAt }: Requester & { scanId?: string; requestedAt?: number } = {},
): Promise<Outcome<HistoryEntry>> {
  await staleWorkingSettled;
  const startedAt = Date.now();
  const askedAt = requestedAt !== undefined && requestedAt <= startedAt ? requestedAt : startedAt;
  // Addresses like http://user:pass@host/ keep their credentials out of history and the popup.
  const fullOrigin: ImageOrigin = safeOrigin({
    ...origin,
    imageUrl: origin.imageUrl ?? (source.kind === 'url' ? keepableUrl(source.url) : undefined),
  });
  // Storage is written in order, off the answer's path: a page's label waits for none of it.
  let writes: Promise<unknown> = scanId ? Promise.resolve() : latest.setValue({ kind: 'working', at: startedAt, origin: fullOrigin }).catch(() => undefined);
  const write = (step: () => Promise<unknown>) => (writes = writes.then(step).catch(() => undefined));
  try {
    const pixels = await checkedPixels(source, { tab, screen });
    const { via } = pixels;
    const { classification, thumbnail } = 'engineHas' in pixels
      ? await classifyAnswerFirst(pixels.bytes, 'bmp', pixels.engineHas)
      : await classifyAnswerFirst(pixels.bytes, pixels.format, sentAheadAs(pixels.bytes));
    // A card in a page shows no thumbnail: its answer goes out first and history gets the
    // thumbnail just after. The popup shows one, so its own uploads wait the few ms for it.
    const answerFirst = tab !== undefined;
    const createdAt = Date.now();
    const entry: HistoryEntry = {
      ...classification, thumbnail: answerFirst ? '' : await thumbnail(),
      id: crypto.randomUUID(), createdAt, origin: fullOrigin, via, waitedMs: createdAt - askedAt,
      ...(scanId ? { scanId } : {}),
    };
    write(async () => {
      try {
        await history.add(entry);
      } catch (error) {
        // The answer still reaches the user; only this entry is missing from history.
        console.warn('[glimpse] could not save to history', error);
      }
    });
    write(() => latest.setValue({ kind: 'answer', entryId: entry.id, at: entry.createdAt }));
    // The things in the picture come after its answer (a page scan's many pictures skip them).
    if (!scanId) {
      if ('engineHas' in pixels) void pixels.bytes().then((bytes) => startFinding(entry, bytes, 'bmp'), () => undefined);
      else startFinding(entry, pixels.bytes, pixels.format);
    }
    if (answerFirst) {
      write(() => thumbnail()
        .then((dataUrl) => (dataUrl ? history.setThumbnail(entry, dataUrl) : undefined))
        .catch((error: unknown) => console.warn('[glimpse] could not add the thumbnail to history', error)));
    }
    // The popup's own uploads read history as soon as they have their answer.
    if (!answerFirst) await writes;
    return { ok: true, value: entry };
  } catch (thrown) {
    const error = toGlimpseError(thrown);
    console.warn(`[glimpse] identification failed: ${error.code}${error.detail ? ` (${error.detail})` : ''}`);
    if (!scanId) write(() => latest.setValue({ kind: 'error', error, at: Date.now(), origin: fullOrigin }));
    if (!tab) await writes;
    return { ok: false, error };
  }
}
