import { warmEngine } from './engine-host';
import { engineStatus } from '../shared/store';

let warming: Promise<unknown> | undefined;

/**
 * Starts the engine unless it is started or starting: however many right-clicks ask, the
 * engine gets at most one warm-up request at a time, and none once it is ready.
 */
export async function warmOnce(): Promise<void> {
  if (warming) return;
  const state = (await engineStatus.getValue())?.state ?? 'idle';
  if (state === 'ready' || state === 'loading' || state === 'warming' || warming) return;
  warming = warmEngine()
    .catch((error: unknown) => console.warn('[glimpse] warm-up failed', error))
    .finally(() => {
      warming = undefined;
    });
}
