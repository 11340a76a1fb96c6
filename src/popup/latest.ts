import type { GlimpseError } from '../shared/errors';
import { LIMITS } from '../shared/limits';
import type { HistoryEntry, ImageOrigin } from '../shared/types';

/** What the "latest" area shows: an answer, why it failed, or that Glimpse is still at it. */
export type Shown =
  | { kind: 'answer'; at: number; entry: HistoryEntry }
  | { kind: 'error'; at: number; error: GlimpseError; origin: ImageOrigin }
  | { kind: 'working'; at: number; origin: ImageOrigin };

/** No identification takes longer than a download and an engine request; past that, it was cut short. */
const WORKING_TOO_LONG_MS = LIMITS.fetchTimeoutMs + LIMITS.engineTimeoutMs + 15_000;

/**
 * The newer of what the service worker last stored and what this popup did itself (a file it
 * refused before sending, or an answer history could not keep). A "working" that outlived
 * every timeout was interrupted (the browser closed mid-way, say) and is shown as such.
 */
export function pickLatest(stored: Shown | undefined, local: Shown | undefined, now: number): Shown | undefined {
  const newest = !stored ? local : !local ? stored : stored.at > local.at ? stored : local;
  if (newest?.kind === 'working' && now - newest.at > WORKING_TOO_LONG_MS) {
    return { kind: 'error', at: newest.at, error: { code: 'interrupted', detail: 'no answer came back' }, origin: newest.origin };
  }
  return newest;
}
