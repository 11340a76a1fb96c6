import { LIMITS } from './limits';
import { STORAGE_KEYS } from './storage-keys';
import type { HistoryEntry } from './types';

/** The part of chrome.storage.local the history needs (a fake one serves unit tests). */
export interface KeyValueArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

const PREFIX = STORAGE_KEYS.historyPrefix;
/** Thumbnails are ~5-20 KB; anything near this is a bug, not a picture worth evicting history for. */
const MAX_ENTRY_BYTES = 256 * 1024;
const MAX_EVICTIONS_FOR_ROOM = 8;

/**
 * History keeps one storage key per entry, named so keys sort oldest first. Adding or deleting
 * one entry never rewrites the others, so a failed write (quota, crash) cannot lose them.
 */
export class HistoryStore {
  constructor(
    private readonly area: KeyValueArea,
    private readonly cap: number = LIMITS.historyCap,
  ) {}

  static keyFor(entry: Pick<HistoryEntry, 'id' | 'createdAt'>): string {
    return `${PREFIX}${String(entry.createdAt).padStart(15, '0')}:${entry.id}`;
  }

  private async keys(): Promise<string[]> {
    const everything = await this.area.get(null);
    return Object.keys(everything).filter((key) => key.startsWith(PREFIX)).sort();
  }

  /** Newest first. */
  async list(): Promise<HistoryEntry[]> {
    const everything = await this.area.get(null);
    return Object.entries(everything)
      .filter(([key]) => key.startsWith(PREFIX))
      .sort(([a], [b]) => (a < b ? 1 : -1))
      .map(([, entry]) => entry as HistoryEntry);
  }

  async get(id: string): Promise<HistoryEntry | undefined> {
    return (await this.list()).find((entry) => entry.id === id);
  }

  /**
   * Adds an entry, then evicts the oldest beyond the cap. A write that fails never costs the
   * entries already stored: when storage is full, the oldest entries give way one at a time (the
   * same oldest-first rule as the cap), a few at most, and if the new entry still does not fit
   * they are put back. An entry too big to ever fit is refused before anything is touched.
   */
  async add(entry: HistoryEntry): Promise<void> {
    const key = HistoryStore.keyFor(entry);
    const size = key.length + JSON.stringify(entry).length;
    if (size > MAX_ENTRY_BYTES) throw new Error(`history entry of ${size} bytes exceeds the ${MAX_ENTRY_BYTES}-byte quota per entry`);
    const evicted: Record<string, unknown> = {};
    for (let attempt = 0; ; attempt++) {
      try {
        await this.area.set({ [key]: entry });
        break;
      } catch (error) {
        const oldest = (await this.keys())[0];
        if (!isQuotaError(error) || attempt >= MAX_EVICTIONS_FOR_ROOM || oldest === undefined) {
          // They fit before; they fit again in the room they left.
          if (Object.keys(evicted).length > 0) await this.area.set(evicted);
          throw error;
        }
        Object.assign(evicted, await this.area.get(oldest));
        await this.area.remove(oldest);
      }
    }
    const keys = await this.keys();
    if (keys.length > this.cap) await this.area.remove(keys.slice(0, keys.length - this.cap));
  }

  async remove(id: string): Promise<void> {
    const keys = (await this.keys()).filter((key) => key.endsWith(`:${id}`));
    if (keys.length > 0) await this.area.remove(keys);
  }

  async clear(): Promise<void> {
    const keys = await this.keys();
    if (keys.length > 0) await this.area.remove(keys);
  }

  static isHistoryKey(key: string): boolean {
    return key.startsWith(PREFIX);
  }
}

export const isQuotaError = (error: unknown): boolean =>
  /quota/i.test(error instanceof Error ? error.message : String(error));
