/** TF.js with its three backends, set up for an extension page. */
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import browser from 'webextension-polyfill';
import type { Backend } from '../shared/types';

// The threaded WASM build starts its workers from blob: URLs, which the extension CSP blocks,
// and then waits for them forever. The single-threaded SIMD build is used instead.
tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
setWasmPaths(browser.runtime.getURL('wasm/'));

/** Makes `backend` the active one; false when it cannot start on this machine. */
export async function activateBackend(backend: Backend): Promise<boolean> {
  try {
    return (await tf.setBackend(backend)) && tf.getBackend() === backend;
  } catch (error) {
    console.warn(`[glimpse] backend ${backend} failed to start`, error);
    return false;
  }
}

export { tf };
