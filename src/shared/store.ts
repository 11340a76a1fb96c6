/**
 * Everything Glimpse keeps in extension storage, declared once: key, area, type, fallback and
 * version. Stored state is a message in slow motion, so values are checked when read (a bad or
 * missing value reads as the fallback). This module is the only one that calls the storage API.
 */
import browser, { type Storage } from 'webextension-polyfill';
import { CONTENT_READABLE_AREA } from './content-readable';
import { HistoryStore, type KeyValueArea } from './history-store';
import { NO_PRESENTER_SITES, presenterSites, type PresenterSites } from './presenter-sites';
import * as shapes from './types';
import type { BackendDecision, BackendPreference, EngineStatus, LatestOutcome } from './types';
import { migrate, type Migrations } from './migrations';
import type { Check } from './validate';
import * as checks from './validate';
import { IMAGENET_CHOICE, importedModel, type ImportedModel, type ModelChoice } from './custom-models';
import { EMPTY_TAUGHT, TAUGHT_MIGRATIONS, TAUGHT_VERSION, taughtSet as taughtSetCheck, type TaughtSet } from './taught-set';

export type AreaName = 'local' | 'session';
export type ItemKey = `${AreaName}:${string}`;

export interface ItemOptions<T> {
  fallback: T;
  /** Checks a stored value; one that fails reads as the fallback (and is logged). */
  check?: Check<T>;
  /** Current schema version (1 when absent). Stored beside the value as `<key>$` = { v }. */
  version?: number;
  /** migrations[n] turns a version n-1 value into a version n value. */
  migrations?: Migrations<unknown>;
}

export interface StoredItem<T> {
  readonly key: string;
  readonly area: AreaName;
  readonly fallback: T;
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  removeValue(): Promise<void>;
  /** Calls back on every change made anywhere (this context or another); returns the unwatch. */
  watch(callback: (next: T, previous: T) => void): () => void;
}

const areaOf = (name: AreaName): Storage.StorageArea => browser.storage[name];

export function defineItem<T>(itemKey: ItemKey, options: ItemOptions<T>): StoredItem<T> {
  const [area, key] = itemKey.split(/:(.*)/s) as [AreaName, string];
  const metaKey = `${key}$`;
  const version = options.version ?? 1;
  const { fallback } = options;

  const read = (raw: unknown): T => {
    if (raw === undefined) return fallback;
    if (!options.check) return raw as T;
    try {
      return options.check(raw, key);
    } catch (error) {
      console.warn(`[glimpse] ignoring a stored ${key} that is not what it should be`, error);
      return fallback;
    }
  };

  const upgrade = async (raw: unknown, from: number): Promise<unknown> => {
    const value = migrate(raw, from, version, options.migrations);
    await areaOf(area).set({ [key]: value, [metaKey]: { v: version } });
    return value;
  };

  return {
    key,
    area,
    fallback,
    async getValue() {
      const stored = await areaOf(area).get(version > 1 ? [key, metaKey] : key);
      const raw = stored[key];
      const from = (stored[metaKey] as { v?: number } | undefined)?.v ?? 1;
      return read(raw !== undefined && from < version ? await upgrade(raw, from) : raw);
    },
    setValue: (value) => areaOf(area).set(version > 1 ? { [key]: value, [metaKey]: { v: version } } : { [key]: value }),
    removeValue: () => areaOf(area).remove([key, metaKey]),
    watch(callback) {
      const listener = (changes: Record<string, Storage.StorageChange>, areaName: string) => {
        const change = changes[key];
        if (areaName === area && change) callback(read(change.newValue), read(change.oldValue));
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

/** The storage area as the history uses it; `getKeys` (newer browsers) only where the browser has it. */
function keyValueArea(area: Storage.StorageArea): KeyValueArea {
  const withKeys = area as Storage.StorageArea & Partial<Pick<KeyValueArea, 'getKeys'>>;
  return {
    get: (keys) => area.get(keys),
    set: (items) => area.set(items),
    remove: (keys) => area.remove(keys),
    getKeys: typeof withKeys.getKeys === 'function' ? () => withKeys.getKeys!() : undefined,
  };
}

/** What the popup shows first (absent before the first identification). */
export const latest = defineItem<LatestOutcome | undefined>('local:latest', { fallback: undefined, check: shapes.latestOutcome });
/** The engine the user chose in the popup's settings. */
export const backendPreference = defineItem<BackendPreference>('local:backendPreference', {
  fallback: 'auto',
  check: shapes.backendPreference,
});
/** The engine's measured choice on this machine, so the contest runs once. */
export const backendDecision = defineItem<BackendDecision | undefined>('local:backendDecision', {
  fallback: undefined,
  check: shapes.backendDecision,
});
/** Most WASM threads the engine may use (absent: chosen from the machine); benchmarks and tests set 1 to compare. */
export const engineMaxThreads = defineItem<number | undefined>('local:engineMaxThreads', { fallback: undefined, check: shapes.ENGINE_OPTION_FIELDS.maxThreads });
/**
 * The running engine's state: about this browser session only (absent until an engine was started).
 * Content scripts read it: its area is the one they can read in this browser (see content-readable.ts).
 */
export const engineStatus = defineItem<EngineStatus | undefined>(`${CONTENT_READABLE_AREA}:engineStatus`, {
  fallback: undefined,
  check: shapes.engineStatus,
});
/**
 * Bigger labels and cards for showing Glimpse to a room, on the sites where it was turned on
 * (see presenter-sites.ts). Version 1 was one switch for every site: it reads as "everywhere".
 */
export const presenterMode = defineItem<PresenterSites>('local:presenterMode', {
  fallback: NO_PRESENTER_SITES,
  check: presenterSites,
  version: 2,
  migrations: { 2: (old) => ({ everywhere: old === true, sites: [] }) },
});
/** Never download a picture from its server: read only what is on screen. */
export const neverContactServers = defineItem<boolean>('local:neverContactServers', { fallback: false });
/** The schema version every stored history entry has (see HistoryStore.migrate). */
export const historyVersion = defineItem<number>('local:historyVersion', { fallback: 1 });

/** The camera view: whether it shows the camera as a mirror does (as people expect to see themselves). */
export const cameraMirror = defineItem<boolean>('local:cameraMirror', { fallback: true });
/** The camera view: the camera chosen last (absent: the browser's default). */
export const cameraDeviceId = defineItem<string | undefined>('local:cameraDeviceId', { fallback: undefined });

/** The history: one instance for the whole extension, one key per entry in local storage. */
export const history = new HistoryStore(keyValueArea(browser.storage.local), { version: historyVersion });

/** Whenever history entries are added or removed (here or in another context), with the ids removed. */
export function watchHistory(callback: (change: { removedIds: string[] }) => void): () => void {
  const listener = (changes: Record<string, Storage.StorageChange>, areaName: string) => {
    const keys = Object.keys(changes).filter(HistoryStore.isHistoryKey);
    if (areaName !== 'local' || keys.length === 0) return;
    callback({ removedIds: keys.filter((key) => changes[key]?.newValue === undefined).map(HistoryStore.idOf) });
  };
  browser.storage.onChanged.addListener(listener);
  return () => browser.storage.onChanged.removeListener(listener);
}

/** Lets content scripts read the engine status (Chrome: opens session storage; Firefox: nothing to do). */
export { shareSessionWithContentScripts } from './content-readable';

/** Which model answers ('imagenet', 'taught' or `tm:<id>`: custom-models.ts); the engine options carry it to every request. */
export const chosenModel = defineItem<ModelChoice>('local:chosenModel', { fallback: IMAGENET_CHOICE, check: checks.string });
/** The Teachable Machine models imported (their files live in the engine's IndexedDB). */
export const importedModels = defineItem<ImportedModel[]>('local:importedModels', { fallback: [], check: checks.array(importedModel) });
/** The classes taught by example ("My classes"): schema and migrations in taught-set.ts. */
export const taughtClasses = defineItem<TaughtSet>('local:taughtClasses', {
  fallback: EMPTY_TAUGHT,
  check: taughtSetCheck,
  version: TAUGHT_VERSION,
  migrations: TAUGHT_MIGRATIONS,
});
