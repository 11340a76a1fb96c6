/**
 * Pixels a page read at a right-click (its own picture, copied while the context menu is open),
 * handed over then so that "Identify image" need not carry them: kept in this worker's memory only,
 * for HOLD_MS at most, taken once, and only by the tab that handed them over.
 */
import { fail } from '../shared/errors';

/** Longer than the page keeps its own early read (4 s), short for memory. */
const HOLD_MS = 5_000;
/** Right-clicks in quick succession: only the latest few can still be chosen. */
const MAX_HELD = 4;

interface Held {
  tabId: number;
  bytes: ArrayBuffer;
  timer: ReturnType<typeof setTimeout>;
}

const held = new Map<string, Held>();

function forget(id: string): void {
  const entry = held.get(id);
  if (!entry) return;
  clearTimeout(entry.timer);
  held.delete(id);
}

/** Keeps `bytes` for `tabId`; returns the id an identification names them by. */
export function holdPixels(tabId: number, bytes: ArrayBuffer): string {
  const id = crypto.randomUUID();
  held.set(id, { tabId, bytes, timer: setTimeout(() => forget(id), HOLD_MS) });
  for (const oldest of [...held.keys()].slice(0, Math.max(0, held.size - MAX_HELD))) forget(oldest);
  return id;
}

/** The pixels held as `id` for `tabId` (once: they are forgotten as they are handed out); the page sends them itself when they are gone. */
export function takeHeld(id: string, tabId: number | undefined): ArrayBuffer {
  const entry = held.get(id);
  if (!entry || entry.tabId !== tabId) return fail('interrupted', { detail: 'the picture read at the right-click is no longer held' });
  forget(id);
  return entry.bytes;
}

/** How many are held now (tests: nothing stays in memory). */
export const heldPixels = (): number => held.size;
