/**
 * A page scan's pictures, several per request (protocol 'identify-many'): each is identified as
 * a right-click's would be (identify.ts), but all of one screenful crop from ONE capture of the
 * tab (shot.ts) and reach the engine together, which runs them in batches (image-batches.ts).
 */
import type { Tabs } from 'webextension-polyfill';
import type { HistoryEntry, ImageOrigin, ImageSource, Outcome } from '../shared/types';
import { identify } from './identify';
import { rateLimiter } from './rate-limit';
import { joinShot } from './shot';

export interface ScanPicture {
  source: ImageSource;
  origin: ImageOrigin;
}

const refused: Outcome<HistoryEntry> = { ok: false, error: { code: 'busy', detail: 'this tab asked for too many identifications at once' } };

/**
 * Every picture's outcome, in order, and when the shot's capture was taken (if one was needed);
 * a tab past its scan budget gets "busy" for the pictures over it.
 */
export async function identifyMany(
  pictures: ScanPicture[],
  { tab, frameId, scanId, shot }: { tab?: Tabs.Tab; frameId: number; scanId: string; shot: string },
): Promise<{ outcomes: Outcome<HistoryEntry>[]; capturedAt?: number }> {
  const allowed = pictures.map(() => tab?.id === undefined || rateLimiter.allowIdentification(tab.id, frameId, true));
  const use = tab?.id !== undefined && tab.windowId !== undefined ? joinShot(tab.id, tab.windowId, shot) : undefined;
  try {
    const outcomes = await Promise.all(pictures.map(({ source, origin }, i) =>
      allowed[i] ? identify(source, origin, { tab, scanId, screen: use?.screen }) : refused));
    return { outcomes, capturedAt: use?.capturedAt() };
  } finally {
    use?.release();
  }
}
