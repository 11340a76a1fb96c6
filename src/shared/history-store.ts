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
   * Adds an entry, then evicts the oldest beyond the cap. If storage is full it evicts the
   * oldest entries one at a time and tries again; if it still cannot write, it throws and the
   * existing entries stay as they were.
   */
  async add(entry: HistoryEntry): Promise<void> {
    const key = HistoryStore.keyFor(entry);
    let lastError: unknown;
    for (let attempt = 0; attempt < 4; attempt++) {
      try {
        await this.area.set({ [key]: entry });
        lastError = undefined;
        break;
      } catch (error) {
        lastError = error;
        if (!isQuotaError(error)) break;
        const oldest = (await this.keys()).slice(0, Math.max(1, 2 ** attempt));
        if (oldest.length === 0) break;
        await this.area.remove(oldest);
      }
    }
    if (lastError !== undefined) throw lastError;
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
