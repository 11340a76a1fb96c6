/** Asking the service worker to identify a picture, surviving a worker that stops mid-way. */
import { GlimpseFailure } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import { send } from '../../shared/messaging';
import { isDisconnect } from '../../shared/protocol';
import type { HistoryEntry, ImageOrigin, ImageSource, Outcome } from '../../shared/types';
import { pixelsBehind } from '../read/early-read';

/**
 * The worker answers within its own limits (a download, then the engine, tried twice); past
 * that, the answer was lost with a stopped worker and the card must not spin for ever.
 */
export const ANSWER_DEADLINE_MS = LIMITS.fetchTimeoutMs + 2 * LIMITS.engineTimeoutMs + 15_000;

export function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GlimpseFailure({ code: 'interrupted', detail: `no answer in ${ms} ms` })), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

export const pageOrigin = (): ImageOrigin => ({ pageUrl: location.href, pageTitle: document.title });

/**
 * Asks the service worker; if it was stopped mid-way, asks once more (it restarts on demand).
 * `scanId`: the page scan it belongs to; `requestedAt`: when the user asked, for the time they waited;
 * `imageUrl`: the picture's own web address, kept in history even when its pixels were read from the page.
 */
export async function identifyInBackground(
  source: ImageSource, { scanId, requestedAt, imageUrl }: { scanId?: string; requestedAt?: number; imageUrl?: string } = {},
): Promise<Outcome<HistoryEntry>> {
  const origin: ImageOrigin = { ...pageOrigin(), ...(imageUrl && /^https?:/i.test(imageUrl) ? { imageUrl } : {}) };
  for (let attempt = 1; ; attempt++) {
    try {
      const payload = { source, origin, ...(scanId ? { scanId } : {}), ...(requestedAt ? { requestedAt } : {}) };
      const outcome = await withDeadline(send('background', 'identify', payload), ANSWER_DEADLINE_MS);
      // Pixels handed over at the right-click and lost with a restarted worker: sent along this time.
      const behind = pixelsBehind(source);
      if (outcome && !outcome.ok && outcome.error.code === 'interrupted' && behind) return identifyInBackground(behind, { scanId, requestedAt, imageUrl });
      if (outcome) return outcome;
      throw new Error('message port closed without an answer');
    } catch (error) {
      if (attempt >= 2 || !isDisconnect(error)) return { ok: false, error: { code: 'interrupted', detail: String(error) } };
    }
  }
}
