/** TF.js with its three backends, set up for an extension page: WASM loaded with it, WebGL and CPU when chosen. */
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import browser from 'webextension-polyfill';
import type { Backend } from '../shared/types';
import * as tf from './tfjs-parts';
import { chooseWasmThreads } from './wasm-threads';

// The .wasm binaries and, for the threaded build, its worker scripts ship under wasm/
// (the build rewrites the backend to start its workers from there: scripts/build/wasm-threads.ts).
setWasmPaths(browser.runtime.getURL('wasm/'));

let wasmThreads: number | undefined;

/**
 * Fixes the WASM backend's thread count before it first starts (it cannot change afterwards: a
 * new count needs a new document). Without cross-origin isolation (no SharedArrayBuffer) or on a
 * single core, the single-threaded SIMD build runs.
 */
export function configureWasmThreads(requested?: number): void {
  if (wasmThreads !== undefined) return;
  wasmThreads = chooseWasmThreads({
    isolated: globalThis.crossOriginIsolated === true && typeof SharedArrayBuffer === 'function',
    cores: navigator.hardwareConcurrency,
    requested,
  });
  if (wasmThreads > 1) setThreadsCount(wasmThreads);
  else tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
}

/** Threads the running WASM backend really uses (1 when single-threaded); undefined before it starts. */
export function runningWasmThreads(): number | undefined {
  try {
    return getThreadsCount();
  } catch {
    return undefined;
  }
}

/** The backends not loaded with the document: importing one registers it. */
const LATER_BACKENDS: Partial<Record<Backend, () => Promise<unknown>>> = {
  webgl: () => import('@tensorflow/tfjs-backend-webgl'),
  cpu: () => import('@tensorflow/tfjs-backend-cpu'),
};

/** Makes `backend` the active one; false when it cannot start on this machine. */
export async function activateBackend(backend: Backend): Promise<boolean> {
  if (backend === 'wasm') configureWasmThreads();
  try {
    await LATER_BACKENDS[backend]?.();
    return (await tf.setBackend(backend)) && tf.getBackend() === backend;
  } catch (error) {
    console.warn(`[glimpse] backend ${backend} failed to start`, error);
    return false;
  }
}

/** The Layers API (a Teachable Machine model's format), loaded the first time one runs. */
export async function loadLayersModel(...args: Parameters<typeof import('@tensorflow/tfjs-layers').loadLayersModel>): Promise<tf.LayersModel> {
  const layers = await import('@tensorflow/tfjs-layers');
  return layers.loadLayersModel(...args);
}

export { tf };
