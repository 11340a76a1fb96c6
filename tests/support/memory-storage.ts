/**
 * An in-memory `browser.storage` (local and session areas, onChanged) as the store sees it: for
 * unit tests (tests/unit/shared/store.test.ts) and the middle tier's stub (tests/inject).
 * Values are cloned in and out, as the real API serialises them.
 */
export type StorageChanges = Record<string, { oldValue?: unknown; newValue?: unknown }>;
export type StorageListener = (changes: StorageChanges, area: string) => void;

export function memoryStorage() {
  const listeners = new Set<StorageListener>();
  const area = (name: 'local' | 'session') => {
    const data = new Map<string, unknown>();
    const notify = (changes: StorageChanges) => {
      if (Object.keys(changes).length > 0) for (const listener of listeners) listener(changes, name);
    };
    return {
      /** The stored values themselves, for tests to look at or arrange. */
      data,
      async get(keys: string | string[] | null) {
        const wanted = keys === null ? [...data.keys()] : typeof keys === 'string' ? [keys] : keys;
        return Object.fromEntries(wanted.filter((key) => data.has(key)).map((key) => [key, structuredClone(data.get(key))]));
      },
      async getKeys() {
        return [...data.keys()];
      },
      async set(items: Record<string, unknown>) {
        const changes: StorageChanges = {};
        for (const [key, value] of Object.entries(items)) {
          changes[key] = { oldValue: data.get(key), newValue: structuredClone(value) };
          data.set(key, structuredClone(value));
        }
        notify(changes);
      },
      async remove(keys: string | string[]) {
        const changes: StorageChanges = {};
        for (const key of typeof keys === 'string' ? [keys] : keys) {
          if (data.has(key)) changes[key] = { oldValue: data.get(key) };
          data.delete(key);
        }
        notify(changes);
      },
    };
  };
  return {
    local: area('local'),
    session: area('session'),
    onChanged: { addListener: (l: StorageListener) => listeners.add(l), removeListener: (l: StorageListener) => listeners.delete(l) },
  };
}
