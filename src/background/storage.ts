import browser from 'webextension-polyfill';
import { HistoryStore, type KeyValueArea } from '../shared/history-store';
import { STORAGE_KEYS } from '../shared/storage-keys';
import type { EngineStatus, LatestOutcome } from '../shared/types';

const LATEST_KEY = STORAGE_KEYS.latest;
const ENGINE_STATUS_KEY = STORAGE_KEYS.engineStatus;

export const history = new HistoryStore(browser.storage.local as unknown as KeyValueArea);

export const setLatest = (latest: LatestOutcome): Promise<void> => browser.storage.local.set({ [LATEST_KEY]: latest });

/** Engine status lives in session storage: it is about this browser session's engine only. */
export const setEngineStatus = (status: EngineStatus): Promise<void> =>
  browser.storage.session.set({ [ENGINE_STATUS_KEY]: status });

export async function engineStatus(): Promise<EngineStatus> {
  const stored = await browser.storage.session.get(ENGINE_STATUS_KEY);
  return (stored[ENGINE_STATUS_KEY] as EngineStatus | undefined) ?? { state: 'idle' };
}
