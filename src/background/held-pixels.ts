/**
 * Pixels a page read at a right-click (its own picture, copied while the context menu is open),
 * handed over then so that "Identify image" need not carry them: kept in this worker's memory only,
 * for 5 s at most (longer than the page keeps its own early read, 4 s), the last four only, taken
 * once, and only by the tab that handed them over.
 */
import { fail } from '../shared/errors';
import { KeptBriefly } from '../shared/kept-briefly';

const held = new KeptBriefly<{ tabId: number; bytes: ArrayBuffer }>(5_000, 4);

/** Keeps `bytes` for `tabId`; returns the id an identification names them by. */
export function holdPixels(tabId: number, bytes: ArrayBuffer): string {
  const id = crypto.randomUUID();
  held.put(id, { tabId, bytes });
  return id;
}

/** The pixels held as `id` for `tabId` (once: they are forgotten as they are handed out); the page sends them itself when they are gone. */
export function takeHeld(id: string, tabId: number | undefined): ArrayBuffer {
  const entry = held.take(id, (kept) => kept.tabId === tabId);
  if (!entry) return fail('interrupted', { detail: 'the picture read at the right-click is no longer held' });
  return entry.bytes;
}

/** How many are held now (tests: nothing stays in memory). */
export const heldPixels = (): number => held.size;
