/**
 * Settings that scan's shortcuts and popup share with the page labels. A stand-in with the typed
 * store's item shape (getValue / setValue / watch) until src/shared/store.ts lands; then these
 * become `defineItem` items there and this file goes.
 */
import browser from 'webextension-polyfill';
import { STORAGE_KEYS } from './storage-keys';

export interface Item<T> {
  getValue(): Promise<T>;
  setValue(value: T): Promise<void>;
  watch(callback: (next: T, previous: T) => void): () => void;
}

function localItem<T>(key: string, fallback: T): Item<T> {
  return {
    async getValue() {
      const stored = (await browser.storage.local.get(key))[key] as T | undefined;
      return stored ?? fallback;
    },
    setValue: (value) => browser.storage.local.set({ [key]: value }),
    watch(callback) {
      const listener = (changes: Record<string, { newValue?: unknown; oldValue?: unknown }>, area: string) => {
        const change = changes[key];
        if (area === 'local' && change) callback((change.newValue as T | undefined) ?? fallback, (change.oldValue as T | undefined) ?? fallback);
      };
      browser.storage.onChanged.addListener(listener);
      return () => browser.storage.onChanged.removeListener(listener);
    },
  };
}

/** Big, plain labels for a class (card renders them). */
export const presenterMode = localItem<boolean>(STORAGE_KEYS.presenterMode, false);
