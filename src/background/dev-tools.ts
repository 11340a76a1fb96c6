/**
 * The service worker's side of the development tools: the benchmarks' requests to the engine.
 * Only the test hooks of development builds use it; store builds leave it out.
 */
import type { ExplainMethod } from '../shared/dev-protocol';
import { send } from '../shared/messaging';
import { callEngine } from './engine-host';
import { engineOptions } from './engine-options';

export const benchPredict = async (runs: number, batch?: number) =>
  callEngine(async () => send('dev', 'bench-predict', { runs, batch, ...(await engineOptions()) }));
export const benchViews = async (bytes: ArrayBuffer) =>
  callEngine(async () => send('dev', 'bench-views', { bytes, ...(await engineOptions()) }));
export const benchDeletion = async (bytes: ArrayBuffer, method: ExplainMethod, seed: number) =>
  callEngine(async () => send('dev', 'bench-deletion', { bytes, method, seed, ...(await engineOptions()) }));
