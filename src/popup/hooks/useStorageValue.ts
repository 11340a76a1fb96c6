import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import type { AreaName } from '../storage';

export interface Stored<T> {
  value: T | undefined;
  /** False until the first read has come back (render nothing rather than a wrong guess). */
  loaded: boolean;
}

/** One key of extension storage, kept current through storage.onChanged. */
export function useStorageValue<T>(area: AreaName, key: string): Stored<T> {
  const [stored, setStored] = useState<Stored<T>>({ value: undefined, loaded: false });

  useEffect(() => {
    let live = true;
    let changed = false;
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>, areaName: string) => {
      const change = changes[key];
      if (areaName !== area || !change) return;
      changed = true;
      setStored({ value: change.newValue as T | undefined, loaded: true });
    };
    browser.storage.onChanged.addListener(onChanged);
    browser.storage[area]
      .get(key)
      .then((items) => {
        // A change that arrived while reading is newer than what the read returned.
        if (live && !changed) setStored({ value: items[key] as T | undefined, loaded: true });
      })
      .catch((error: unknown) => {
        console.warn(`[glimpse] could not read ${area}.${key}`, error);
        if (live && !changed) setStored({ value: undefined, loaded: true });
      });
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, [area, key]);

  return stored;
}
