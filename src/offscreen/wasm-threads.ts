/** How many threads the WASM backend gets. */

/**
 * Beyond four threads MobileNetV2 gains little on TF.js's own laptop figures, while every thread
 * given to the model is a core taken from the page the user is reading.
 */
export const MAX_WASM_THREADS = 4;

export interface ThreadSupport {
  /** `crossOriginIsolated`: without it there is no SharedArrayBuffer, hence no threads. */
  isolated: boolean;
  /** navigator.hardwareConcurrency (logical cores), when the browser tells. */
  cores?: number;
  /** A cap asked for (tests and benchmarks compare 1 thread with many); absent: the machine decides. */
  requested?: number;
}

/** 1 means the single-threaded SIMD build; more, the threaded build with that many threads. */
export function chooseWasmThreads({ isolated, cores, requested }: ThreadSupport): number {
  if (!isolated || !cores || !Number.isFinite(cores)) return 1;
  const cap = requested !== undefined && requested >= 1 ? Math.floor(requested) : MAX_WASM_THREADS;
  return Math.max(1, Math.min(Math.floor(cores), cap, MAX_WASM_THREADS));
}
