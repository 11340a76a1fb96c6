/**
 * Detection after identification: once an answer has gone out, the same bytes go to the engine
 * again to find the things in the picture. The content script (or popup) asks for them by the
 * history entry's id (`find-objects`) and waits while they are being found; found objects are
 * also kept in the entry, for the popup's history.
 */
import { toGlimpseError } from '../shared/errors';
import type { ImageFormat } from '../shared/sniff';
import { history } from '../shared/store';
import type { Detection, HistoryEntry, Outcome } from '../shared/types';
import { detectBytes } from './engine-host';

/** Detections under way or just finished, by entry id (a few: asked for right after their answer). */
const recent = new Map<string, Promise<Outcome<Detection>>>();
const KEEP = 8;

export function startFinding(entry: Pick<HistoryEntry, 'id' | 'createdAt'>, bytes: ArrayBuffer, format: ImageFormat): void {
  const finding = detectBytes(bytes, format).then(
    async (detection): Promise<Outcome<Detection>> => {
      await history.setObjects(entry, detection.objects).catch((error: unknown) => console.warn('[glimpse] could not add the objects to history', error));
      return { ok: true, value: detection };
    },
    (error: unknown): Outcome<Detection> => ({ ok: false, error: toGlimpseError(error) }),
  );
  recent.set(entry.id, finding);
  while (recent.size > KEEP) recent.delete(recent.keys().next().value!);
}

/** The things found for an entry: waited for while being found, else from history; null when never looked for. */
export async function objectsFor(entryId: string): Promise<Outcome<Detection> | null> {
  const finding = recent.get(entryId);
  if (finding) return finding;
  const entry = await history.get(entryId);
  if (!entry?.objects) return null;
  return { ok: true, value: { objects: entry.objects, width: entry.width, height: entry.height, totalMs: 0, backend: entry.backend } };
}
