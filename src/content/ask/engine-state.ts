import { engineStatus } from '../../shared/store';
import type { EngineStatus } from '../../shared/types';

/** Whether the model is still loading or warming up (the first answer takes longer then). */
export async function isEngineWarming(): Promise<boolean> {
  try {
    return (await engineStatus.getValue())?.state !== 'ready';
  } catch {
    // Storage out of this content script's reach: no "warming" hint (see content-readable.ts).
    return false;
  }
}

export function onEngineStatus(listener: (status: EngineStatus) => void): () => void {
  return engineStatus.watch((status) => status && listener(status));
}
