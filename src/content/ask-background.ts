/** Asking the service worker to identify a picture, surviving a worker that stops mid-way. */
import { GlimpseFailure, isDisconnect } from '../shared/errors';
import { LIMITS } from '../shared/limits';
import { send } from '../shared/messaging';
import type { HistoryEntry, ImageOrigin, ImageSource, Outcome } from '../shared/types';

/**
 * The worker answers within its own limits (a download, then the engine, tried twice); past
 * that, the answer was lost with a stopped worker and the card must not spin for ever.
 */
const ANSWER_DEADLINE_MS = LIMITS.fetchTimeoutMs + 2 * LIMITS.engineTimeoutMs + 15_000;

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GlimpseFailure({ code: 'interrupted', detail: `no answer in ${ms} ms` })), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export const pageOrigin = (): ImageOrigin => ({ pageUrl: location.href, pageTitle: document.title });

export interface AskOptions {
  /** The page scan this picture belongs to. */
  scanId?: string;
  /** The picture's own web address, kept in history even when its pixels were read from the page. */
  imageUrl?: string;
}

/** Asks the service worker; if it was stopped mid-way, asks once more (it restarts on demand). */
export async function identifyInBackground(source: ImageSource, { scanId, imageUrl }: AskOptions = {}): Promise<Outcome<HistoryEntry>> {
  const origin: ImageOrigin = { ...pageOrigin(), ...(imageUrl && /^https?:/i.test(imageUrl) ? { imageUrl } : {}) };
  for (let attempt = 1; ; attempt++) {
    try {
      const payload = scanId ? { source, origin, scanId } : { source, origin };
      const outcome = await withDeadline(send('background', 'identify', payload), ANSWER_DEADLINE_MS);
      if (outcome) return outcome;
      throw new Error('message port closed without an answer');
    } catch (error) {
      if (attempt >= 2 || !isDisconnect(error)) return { ok: false, error: { code: 'interrupted', detail: String(error) } };
    }
  }
}
