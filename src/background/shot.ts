/**
 * One capture of the visible tab for a screenful of a page scan. The content script measures
 * every picture in view, then sends them together as several requests naming the same shot; the
 * first that needs the screen takes the capture (capture.ts) and the others crop from it. The
 * capture stays in this worker's memory while a request of its shot is running, and a moment
 * after (the shot's other requests arrive within milliseconds), then it is closed.
 */
import { captureTab } from './capture';

/** How long a shot outlives its last request: long enough for requests sent together, short for memory. */
const GRACE_MS = 1500;

interface Shot {
  users: number;
  bitmap?: Promise<ImageBitmap>;
  capturedAt?: number;
  timer?: ReturnType<typeof setTimeout>;
}

const shots = new Map<string, Shot>();

export interface ShotUse {
  /** The shot's capture, taken on first use. */
  screen(): Promise<ImageBitmap>;
  /** When the capture was in hand (Date.now()), if one was taken. */
  capturedAt(): number | undefined;
  release(): void;
}

/** Joins the shot `id` of tab `tabId` (creating it); call `release` when done with it. */
export function joinShot(tabId: number, windowId: number, id: string): ShotUse {
  const key = `${tabId}:${id}`;
  let shot = shots.get(key);
  if (!shot) shots.set(key, (shot = { users: 0 }));
  const current = shot;
  clearTimeout(current.timer);
  current.users++;
  let released = false;
  return {
    screen: () => (current.bitmap ??= captureTab(tabId, windowId).then((bitmap) => {
      current.capturedAt = Date.now();
      return bitmap;
    })),
    capturedAt: () => current.capturedAt,
    release: () => {
      if (released) return;
      released = true;
      if (--current.users > 0) return;
      current.timer = setTimeout(() => {
        if (shots.get(key) === current) shots.delete(key);
        void current.bitmap?.then((bitmap) => bitmap.close(), () => undefined);
      }, GRACE_MS);
    },
  };
}

/** Shots held now (tests: none outlives its requests for long). */
export const heldShots = (): number => shots.size;
