/**
 * Build step for TF.js's threaded WASM backend inside an extension.
 *
 * tfjs-backend-wasm starts its pthread workers from two blob: URLs: the worker script (inlined as
 * the string `wasmWorkerContents`) and the module's main script (`mainScriptUrlOrBlob`, a Blob
 * holding the factory's source), which the worker loads with importScripts(). The extension CSP
 * (script-src 'self') blocks both, and the backend then waits forever. This step ships both as
 * files under wasm/ and rewrites the two places in backend_wasm.js to point at them, beside the
 * .wasm binaries (the prefix given to setWasmPaths). tests/unit/build/wasm-threads.test.ts runs it on the
 * installed package, so a TF.js upgrade that changes either place fails there, and the build
 * fails too (each rewrite must match exactly once).
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

export const WORKER_FILE = 'tfjs-backend-wasm-threaded-simd.worker.js';
export const MAIN_SCRIPT_FILE = 'tfjs-backend-wasm-threaded-simd.js';
/** The .wasm binaries shipped under wasm/: plain, SIMD, threaded SIMD. */
export const WASM_BINARIES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm', 'tfjs-backend-wasm-threaded-simd.wasm'];

/** The modules this step rewrites (the ones bundlers resolve through the package's "module" entry). */
export const BACKEND_MODULE = /@tensorflow[\\/]tfjs-backend-wasm[\\/]dist[\\/]backend_wasm\.js$/;
export const THREADED_GLUE_MODULE = /@tensorflow[\\/]tfjs-backend-wasm[\\/]wasm-out[\\/]tfjs-backend-wasm-threaded-simd\.js$/;

const prefix = '(wasmPathPrefix != null ? wasmPathPrefix : prefix)';

const REWRITES: { what: string; pattern: RegExp; replacement: string }[] = [
  {
    what: 'the pthread worker script (a blob: URL of wasmWorkerContents)',
    pattern: /const response = wasmWorkerContents\.replace\([^;]*\);\s*const blob = new Blob\(\[response\], \{ type: 'application\/javascript' \}\);\s*return URL\.createObjectURL\(blob\);/,
    replacement: `return ${prefix} + '${WORKER_FILE}';`,
  },
  {
    what: 'the main script the workers import (a Blob of the factory source)',
    pattern: /factoryConfig\.mainScriptUrlOrBlob = new Blob\(\[`var WasmBackendModuleThreadedSimd = ` \+\s*wasmFactoryThreadedSimd\.toString\(\)\], \{ type: 'text\/javascript' \}\);/,
    replacement: `factoryConfig.mainScriptUrlOrBlob = (wasmPathPrefix != null ? wasmPathPrefix : '') + '${MAIN_SCRIPT_FILE}';`,
  },
  {
    what: 'the factory config (given the thread count, so the glue starts no more workers than that)',
    pattern: /const factoryConfig = \{\};/,
    replacement: 'const factoryConfig = { glimpseThreads: threadsCount };',
  },
];

export class WasmThreadsRewriteError extends Error {}

const LOGICAL_CORES = /function _emscripten_num_logical_cores\(\)\{if\(ENVIRONMENT_IS_NODE\)return require\("os"\)\.cpus\(\)\.length;return navigator\["hardwareConcurrency"\]\}/;

/**
 * TF.js's C++ (init_with_threads_count) caps the threads it is given at half the logical cores,
 * assuming two hyper-threads per core: on a 2-core machine that is 1, whatever setThreadsCount
 * asked. Glimpse chooses the count itself (src/offscreen/wasm-threads.ts, never above the cores),
 * so the emscripten glue reports twice the cores and the cap no longer bites.
 */
const GLUE_REWRITES: { what: string; pattern: RegExp; replacement: string }[] = [
  {
    what: '_emscripten_num_logical_cores',
    pattern: LOGICAL_CORES,
    replacement: 'function _emscripten_num_logical_cores(){if(ENVIRONMENT_IS_NODE)return require("os").cpus().length;return navigator["hardwareConcurrency"]*2}',
  },
  {
    // Emscripten starts 8 workers up front and the module waits for all of them to load: with
    // 2 threads, 7 of them would cost start-up time and memory for nothing. XNNPACK's pool needs
    // threads - 1 workers (the calling thread works too); one spare is kept.
    what: 'the pthread pool size (8 workers started up front)',
    pattern: /var pthreadPoolSize=8;/,
    replacement: 'var pthreadPoolSize=Module["glimpseThreads"]>0?Module["glimpseThreads"]:8;',
  },
];

export function rewriteThreadedGlue(source: string): string {
  return applyRewrites(source, GLUE_REWRITES, MAIN_SCRIPT_FILE);
}

function applyRewrites(source: string, rewrites: typeof GLUE_REWRITES, file: string): string {
  let out = source;
  for (const { what, pattern, replacement } of rewrites) {
    const matches = out.match(new RegExp(pattern.source, 'g'));
    if (matches?.length !== 1) {
      throw new WasmThreadsRewriteError(
        `tfjs-backend-wasm changed: ${what} was found ${matches?.length ?? 0} times in ${file} (expected once). ` +
          'Update scripts/build/wasm-threads.ts, or ship the single-threaded build only.',
      );
    }
    out = out.replace(pattern, replacement);
  }
  return out;
}

/** Rewrites backend_wasm.js's source so its workers start from shipped files; throws if the library changed. */
export function rewriteBackendSource(source: string): string {
  const out = applyRewrites(source, REWRITES, 'backend_wasm.js');
  if (/createObjectURL|new Blob\(/.test(out)) throw new WasmThreadsRewriteError('backend_wasm.js still makes a blob: URL after the rewrite');
  return out;
}

/** The files to ship under wasm/, by name. */
export async function wasmAssets(): Promise<Record<string, Uint8Array | string>> {
  const distDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
  const outDir = join(distDir, '..', 'wasm-out');
  const assets: Record<string, Uint8Array | string> = {};
  for (const file of WASM_BINARIES) assets[file] = await readFile(join(distDir, file));
  const { wasmWorkerContents } = require(join(outDir, WORKER_FILE)) as { wasmWorkerContents: unknown };
  if (typeof wasmWorkerContents !== 'string' || !wasmWorkerContents.includes('importScripts')) {
    throw new WasmThreadsRewriteError(`tfjs-backend-wasm changed: ${WORKER_FILE} no longer exports the worker's source as wasmWorkerContents`);
  }
  // The library escapes newlines the same way before making its blob (the source sits in a template literal).
  assets[WORKER_FILE] = wasmWorkerContents.replace(/\n/g, '\\n');
  const mainScript = await readFile(join(outDir, MAIN_SCRIPT_FILE), 'utf8');
  if (!/^var WasmBackendModuleThreadedSimd = /m.test(mainScript)) {
    throw new WasmThreadsRewriteError(`tfjs-backend-wasm changed: ${MAIN_SCRIPT_FILE} no longer defines WasmBackendModuleThreadedSimd`);
  }
  assets[MAIN_SCRIPT_FILE] = mainScript;
  return assets;
}
