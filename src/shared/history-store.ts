import { LIMITS } from './limits';
import { migrate, type Migrations } from './migrations';
import type { FoundObject, HistoryEntry } from './types';

/** The part of storage.local the history needs (the store module passes the real one; a fake one serves unit tests). */
export interface KeyValueArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
  /** Every key without the values (Chrome 130+, Firefox 143+): spares reading every thumbnail. */
  getKeys?(): Promise<string[]>;
}

/** Entries live under keys starting with this, one key per entry. */
const PREFIX = 'history:';
/** The schema version of entries written now. */
export const HISTORY_VERSION = 2;
type RawEntry = Record<string, unknown>;
/** HISTORY_MIGRATIONS[n] turns a version n-1 entry into a version n entry. */
const HISTORY_MIGRATIONS: Migrations<RawEntry> = {
  // 2 added `via`, `waitedMs`, `scanId` and `explanation`, all optional: older entries are valid as they are.
  2: (entry) => entry,
};

const isRecord = (value: unknown): value is RawEntry => typeof value === 'object' && value !== null && !Array.isArray(value);

const isPrediction = (value: unknown): boolean =>
  isRecord(value) && typeof value.label === 'string' && typeof value.classIndex === 'number' && typeof value.probability === 'number';

/**
 * The runtime check of a stored entry (after its upgrade): what the popup needs to show it. What
 * fails is skipped, and stays in storage untouched, rather than break the list.
 */
export const isHistoryEntry = (value: unknown): value is HistoryEntry =>
  isRecord(value) && typeof value.id === 'string' && typeof value.createdAt === 'number' &&
  Array.isArray(value.predictions) && value.predictions.every(isPrediction) &&
  typeof value.thumbnail === 'string' && typeof value.backend === 'string' && isRecord(value.origin);

/** A stored value brought up to the current schema, if it is an entry at all. */
const upgraded = (value: unknown, from: number): HistoryEntry | undefined => {
  if (!isRecord(value)) return undefined;
  const entry = migrate(value, from, HISTORY_VERSION, HISTORY_MIGRATIONS);
  return isHistoryEntry(entry) ? entry : undefined;
};

/** Where the stored entries' schema version is kept. */
export interface VersionCell {
  getValue(): Promise<number>;
  setValue(value: number): Promise<void>;
}

export interface HistoryOptions {
  cap?: number;
  /** Where the stored entries' schema version is kept (by default: entries are taken as current). */
  version?: VersionCell;
}
/** Thumbnails are ~5-20 KB; anything near this is a bug, not a picture worth evicting history for. */
const MAX_ENTRY_BYTES = 256 * 1024;
const MAX_EVICTIONS_FOR_ROOM = 8;

/**
 * History keeps one storage key per entry, named so keys sort oldest first. Adding or deleting
 * one entry never rewrites the others, so a failed write (quota, crash) cannot lose them.
 */
export class HistoryStore {
  private readonly cap: number;
  private readonly version: VersionCell;
  private migrated: Promise<void> | undefined;
  private patching: Promise<void> = Promise.resolve();

  constructor(
    private readonly area: KeyValueArea,
    options: HistoryOptions = {},
  ) {
    this.cap = options.cap ?? LIMITS.historyCap;
    this.version = options.version ?? { getValue: async () => HISTORY_VERSION, setValue: async () => undefined };
  }

  /** Upgrades every stored entry to HISTORY_VERSION (run by the one writer, the background, before it writes). */
  async migrate(): Promise<void> {
    const from = await this.version.getValue();
    if (from >= HISTORY_VERSION) return;
    const upgradedEntries: Record<string, unknown> = {};
    for (const [key, stored] of Object.entries(await this.area.get(null))) {
      const entry = key.startsWith(PREFIX) ? upgraded(stored, from) : undefined;
      if (entry) upgradedEntries[key] = entry;
    }
    if (Object.keys(upgradedEntries).length > 0) await this.area.set(upgradedEntries);
    await this.version.setValue(HISTORY_VERSION);
  }

  static keyFor(entry: Pick<HistoryEntry, 'id' | 'createdAt'>): string {
    return `${PREFIX}${String(entry.createdAt).padStart(15, '0')}:${entry.id}`;
  }

  /** Oldest first. */
  private async keys(): Promise<string[]> {
    const all = this.area.getKeys ? await this.area.getKeys() : Object.keys(await this.area.get(null));
    return all.filter((key) => key.startsWith(PREFIX)).sort();
  }

  /** Newest first. */
  async list(): Promise<HistoryEntry[]> {
    const [everything, from] = await Promise.all([this.area.get(null), this.version.getValue()]);
    return Object.entries(everything)
      .filter(([key]) => key.startsWith(PREFIX))
      .sort(([a], [b]) => (a < b ? 1 : -1))
      .map(([, stored]) => upgraded(stored, from))
      .filter((entry) => entry !== undefined);
  }

  async get(id: string): Promise<HistoryEntry | undefined> {
    const key = (await this.keys()).find((candidate) => HistoryStore.idOf(candidate) === id);
    if (key === undefined) return undefined;
    const [stored, from] = await Promise.all([this.area.get(key), this.version.getValue()]);
    return upgraded(stored[key], from);
  }

  /**
   * Adds an entry, then evicts the oldest beyond the cap. A write that fails never costs the
   * entries already stored: when storage is full, the oldest entries give way one at a time (the
   * same oldest-first rule as the cap), a few at most, and if the new entry still does not fit
   * they are put back. An entry too big to ever fit is refused before anything is touched.
   */
  async add(entry: HistoryEntry): Promise<void> {
    await (this.migrated ??= this.migrate().catch((error: unknown) => {
      this.migrated = undefined;
      throw error;
    }));
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

  /** Fills in the thumbnail of an entry stored before it was made; nothing if the entry is gone. */
  setThumbnail(entry: Pick<HistoryEntry, 'id' | 'createdAt'>, thumbnail: string): Promise<void> {
    return this.patch(entry, { thumbnail });
  }

  /** Fills in the things found in an entry's picture (found after it was stored); nothing if the entry is gone. */
  setObjects(entry: Pick<HistoryEntry, 'id' | 'createdAt'>, objects: FoundObject[]): Promise<void> {
    return this.patch(entry, { objects });
  }

  /**
   * Sets fields of a stored entry. Patches run one after another: two at once (the thumbnail and
   * the things found, made at about the same time) would each write back the entry as it was
   * before the other, and one would be lost.
   */
  private patch(entry: Pick<HistoryEntry, 'id' | 'createdAt'>, fields: Partial<HistoryEntry>): Promise<void> {
    const key = HistoryStore.keyFor(entry);
    const run = this.patching.then(async () => {
      const stored = (await this.area.get(key))[key];
      if (isRecord(stored)) await this.area.set({ [key]: { ...stored, ...fields } });
    });
    this.patching = run.catch(() => undefined);
    return run;
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

  /** The entry id in a key made by keyFor. */
  static idOf(key: string): string {
    return key.slice(key.indexOf(':', PREFIX.length) + 1);
  }
}

export const isQuotaError = (error: unknown): boolean =>
  /quota/i.test(error instanceof Error ? error.message : String(error));
