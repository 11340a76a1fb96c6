import browser from 'webextension-polyfill';
import { STORAGE_KEYS } from '../shared/storage-keys';
import type { BackendDecision, BackendPreference, EngineOptions } from '../shared/types';

const PREFERENCE_KEY = STORAGE_KEYS.backendPreference;
const DECISION_KEY = STORAGE_KEYS.backendDecision;
const THREADS_KEY = STORAGE_KEYS.engineMaxThreads;

export async function backendSettings(): Promise<EngineOptions> {
  const stored = await browser.storage.local.get([PREFERENCE_KEY, DECISION_KEY, THREADS_KEY]);
  const maxThreads = stored[THREADS_KEY];
  return {
    backend: (stored[PREFERENCE_KEY] as BackendPreference | undefined) ?? 'auto',
    decision: stored[DECISION_KEY] as BackendDecision | undefined,
    ...(typeof maxThreads === 'number' ? { maxThreads } : {}),
  };
}

export const saveBackendDecision = (decision: BackendDecision): Promise<void> =>
  browser.storage.local.set({ [DECISION_KEY]: decision });
