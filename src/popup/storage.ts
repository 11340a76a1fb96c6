import browser from 'webextension-polyfill';
import { HistoryStore, type KeyValueArea } from '../shared/history-store';
import { STORAGE_KEYS } from '../shared/storage-keys';
import type { BackendPreference } from '../shared/types';

/** The same history the service worker writes, read and pruned from the popup. */
export const history = new HistoryStore(browser.storage.local as unknown as KeyValueArea);

export type AreaName = 'local' | 'session';

export const setBackendPreference = (preference: BackendPreference): Promise<void> =>
  browser.storage.local.set({ [STORAGE_KEYS.backendPreference]: preference });
