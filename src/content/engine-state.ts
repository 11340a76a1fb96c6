import { STORAGE_KEYS } from '../shared/storage-keys';
import type { EngineStatus } from '../shared/types';

const KEY = STORAGE_KEYS.engineStatus;

/** Whether the model is still loading or warming up (the first answer takes longer then). */
export async function isEngineWarming(): Promise<boolean> {
  try {
    const stored = await chrome.storage.session.get(KEY);
    const state = (stored[KEY] as EngineStatus | undefined)?.state ?? 'idle';
    return state !== 'ready';
  } catch {
    return false;
  }
}

export function onEngineStatus(listener: (status: EngineStatus) => void): () => void {
  const handler = (changes: Record<string, chrome.storage.StorageChange>) => {
    const change = changes[KEY];
    if (change?.newValue) listener(change.newValue as EngineStatus);
  };
  try {
    chrome.storage.session.onChanged.addListener(handler);
  } catch {
    return () => undefined;
  }
  return () => chrome.storage.session.onChanged.removeListener(handler);
}
