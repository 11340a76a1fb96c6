/** TF.js with its three backends, set up for an extension page. */
import * as tf from '@tensorflow/tfjs';
import { getThreadsCount, setThreadsCount, setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import browser from 'webextension-polyfill';
import type { Backend } from '../shared/types';
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

/** Makes `backend` the active one; false when it cannot start on this machine. */
export async function activateBackend(backend: Backend): Promise<boolean> {
  if (backend === 'wasm') configureWasmThreads();
  try {
    return (await tf.setBackend(backend)) && tf.getBackend() === backend;
  } catch (error) {
    console.warn(`[glimpse] backend ${backend} failed to start`, error);
    return false;
  }
}

export { tf };
