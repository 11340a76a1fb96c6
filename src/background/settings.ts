import browser from 'webextension-polyfill';
import { STORAGE_KEYS } from '../shared/storage-keys';
import type { BackendDecision, BackendPreference } from '../shared/types';

const PREFERENCE_KEY = STORAGE_KEYS.backendPreference;
const DECISION_KEY = STORAGE_KEYS.backendDecision;

export async function backendSettings(): Promise<{ backend: BackendPreference; decision?: BackendDecision }> {
  const stored = await browser.storage.local.get([PREFERENCE_KEY, DECISION_KEY]);
  return {
    backend: (stored[PREFERENCE_KEY] as BackendPreference | undefined) ?? 'auto',
    decision: stored[DECISION_KEY] as BackendDecision | undefined,
  };
}

export const saveBackendDecision = (decision: BackendDecision): Promise<void> =>
  browser.storage.local.set({ [DECISION_KEY]: decision });

/** The user's "never contact image servers" setting (off unless switched on). */
export async function neverContactServers(): Promise<boolean> {
  const stored = await browser.storage.local.get(STORAGE_KEYS.neverContactServers);
  return stored[STORAGE_KEYS.neverContactServers] === true;
}
