/**
 * The build step that lets TF.js's threaded WASM backend start its workers inside an extension
 * (scripts/build/wasm-threads.ts), run on the installed @tensorflow/tfjs-backend-wasm: if a TF.js
 * upgrade changes what it rewrites, these fail (and so does the build).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import { describe, expect, it } from 'vitest';
import {
  BACKEND_MODULE, MAIN_SCRIPT_FILE, rewriteBackendSource, rewriteThreadedGlue, THREADED_GLUE_MODULE, WASM_BINARIES, wasmAssets,
  WasmThreadsRewriteError, WORKER_FILE,
} from '../../../scripts/build/wasm-threads';

const require = createRequire(import.meta.url);
const backendPath = require.resolve('@tensorflow/tfjs-backend-wasm/dist/backend_wasm.js');
const gluePath = require.resolve('@tensorflow/tfjs-backend-wasm/wasm-out/tfjs-backend-wasm-threaded-simd.js');
const backendSource = readFileSync(backendPath, 'utf8');
const glueSource = readFileSync(gluePath, 'utf8');

describe('the threaded WASM build step', () => {
  it('targets the modules the bundler resolves', () => {
    expect(BACKEND_MODULE.test(backendPath)).toBe(true);
    expect(THREADED_GLUE_MODULE.test(gluePath)).toBe(true);
    const manifest = JSON.parse(readFileSync(require.resolve('@tensorflow/tfjs-backend-wasm/package.json'), 'utf8')) as { module: string };
    expect(manifest.module).toBe('dist/index.js');
  });

  it('makes the backend start its workers from shipped files, not blob: URLs', () => {
    expect(backendSource).toContain('URL.createObjectURL');
    const rewritten = rewriteBackendSource(backendSource);
    expect(rewritten).not.toMatch(/createObjectURL|new Blob\(/);
    expect(rewritten).toContain(`return (wasmPathPrefix != null ? wasmPathPrefix : prefix) + '${WORKER_FILE}';`);
    expect(rewritten).toContain(`factoryConfig.mainScriptUrlOrBlob = (wasmPathPrefix != null ? wasmPathPrefix : '') + '${MAIN_SCRIPT_FILE}';`);
    expect(rewritten).toContain('const factoryConfig = { glimpseThreads: threadsCount };');
    // The variables the rewrite reads are still the library's own.
    expect(backendSource).toMatch(/let wasmPathPrefix = null;/);
    expect(backendSource).toMatch(/let threadsCount = -1;/);
  });

  it('lifts the glue\'s halving of the thread count and sizes its worker pool by it', () => {
    const rewritten = rewriteThreadedGlue(glueSource);
    expect(rewritten).toContain('return navigator["hardwareConcurrency"]*2}');
    expect(rewritten).toContain('var pthreadPoolSize=Module["glimpseThreads"]>0?Module["glimpseThreads"]:8;');
    // The glue's Module is the factory config the backend passes in.
    expect(glueSource).toContain('var Module=typeof WasmBackendModuleThreadedSimd!="undefined"?WasmBackendModuleThreadedSimd:{}');
    expect(() => new Script(rewritten)).not.toThrow();
  });

  it('fails loudly when the library no longer has what it rewrites', () => {
    expect(() => rewriteBackendSource(backendSource.replace('URL.createObjectURL(blob)', 'URL.createObjectURL(workerBlob)'))).toThrow(WasmThreadsRewriteError);
    expect(() => rewriteBackendSource(backendSource.replace('mainScriptUrlOrBlob', 'mainScriptUrl'))).toThrow(/main script/);
    expect(() => rewriteThreadedGlue(glueSource.replace('var pthreadPoolSize=8;', 'var pthreadPoolSize=4;'))).toThrow(/pool size/);
    expect(() => rewriteThreadedGlue(glueSource.replace('navigator["hardwareConcurrency"]', 'navigator.hardwareConcurrency'))).toThrow(/logical_cores/);
  });

  it('ships the binaries, the worker script and the main script the worker imports', async () => {
    const assets = await wasmAssets();
    expect(Object.keys(assets).sort()).toEqual([...WASM_BINARIES, MAIN_SCRIPT_FILE, WORKER_FILE].sort());
    const worker = String(assets[WORKER_FILE]);
    // A valid classic script that imports the main script by the URL it is given.
    expect(() => new Script(worker)).not.toThrow();
    expect(worker).toContain('importScripts(e.data.urlOrBlob)');
    expect(worker).toContain('WasmBackendModuleThreadedSimd(Module)');
    const main = String(assets[MAIN_SCRIPT_FILE]);
    expect(() => new Script(main)).not.toThrow();
    expect(main).toMatch(/^var WasmBackendModuleThreadedSimd = /m);
  });
});
