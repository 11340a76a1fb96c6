import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { build, defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };
import { browserVariants, manifestFor, OUT_DIRS, SYNTAX_TARGETS, targetBrowser } from './scripts/build/browsers.ts';
import { BACKEND_MODULE, rewriteBackendSource, rewriteThreadedGlue, THREADED_GLUE_MODULE, wasmAssets } from './scripts/build/wasm-threads.ts';

// GLIMPSE_BROWSER=firefox builds the Firefox add-on (npm run build:firefox) into dist-firefox/.
const BROWSER = targetBrowser();
const TARGET = SYNTAX_TARGETS[BROWSER];
// GLIMPSE_OUT_DIR(_FIREFOX) lets parallel work build side by side without replacing each other's dist/.
const OUT_DIR = (BROWSER === 'firefox' ? process.env.GLIMPSE_OUT_DIR_FIREFOX : process.env.GLIMPSE_OUT_DIR) ?? OUT_DIRS[BROWSER];
const CONTENT_SCRIPT_OUTPUT = 'content-script.js';
const { content_scripts: contentScripts, ...manifestWithoutContentScripts } = manifestFor(BROWSER, manifest) as typeof manifest;
/**
 * Test-only hooks (globalThis.glimpse, glimpseReady, glimpseLastRightClick) stay in dist/, which
 * every test and benchmark loads; store packages (built with GLIMPSE_STORE_BUILD=1) leave them out.
 */
const DEFINE = { __GLIMPSE_TEST_HOOKS__: JSON.stringify(process.env.GLIMPSE_STORE_BUILD !== '1') };

/**
 * Ships TF.js's WASM backend inside the extension (no CDN): the three .wasm binaries, and for the
 * threaded build its worker and main scripts as files, with backend_wasm.js rewritten to start its
 * workers from them instead of blob: URLs, which the extension CSP blocks, and its glue no longer
 * halving the thread count asked for (scripts/build/wasm-threads.ts).
 * The engine points the backend at wasm/.
 */
function tfjsWasmBackend(): Plugin {
  return {
    name: 'glimpse:tfjs-wasm-backend',
    transform(code, id) {
      if (BACKEND_MODULE.test(id)) return { code: rewriteBackendSource(code), map: null };
      if (THREADED_GLUE_MODULE.test(id)) return { code: rewriteThreadedGlue(code), map: null };
      return undefined;
    },
    async generateBundle() {
      for (const [file, source] of Object.entries(await wasmAssets())) {
        // Firefox's extension pages are never cross-origin isolated: no threads there, only single-threaded SIMD.
        if (BROWSER === 'firefox' && file.includes('threaded')) continue;
        this.emitFile({ type: 'asset', fileName: `wasm/${file}`, source });
      }
    },
  };
}

/**
 * Builds the content script as one self-contained classic script and declares it in the built
 * manifest. (Bundled with the rest, it would share chunks with the other contexts and be loaded
 * by a dynamic import(): later than document start, and through web-accessible files any page
 * could probe for.)
 */
function selfContainedContentScript(): Plugin {
  return {
    name: 'glimpse:self-contained-content-script',
    apply: 'build',
    async closeBundle() {
      await build({
        configFile: false,
        logLevel: 'warn',
        plugins: [browserVariants(BROWSER)],
        define: DEFINE,
        build: {
          outDir: OUT_DIR,
          emptyOutDir: false,
          target: TARGET,
          lib: { entry: 'src/content/content-script.ts', formats: ['iife'], name: 'glimpseContent', fileName: () => CONTENT_SCRIPT_OUTPUT },
        },
      });
      const manifestPath = join(OUT_DIR, 'manifest.json');
      const built = JSON.parse(await readFile(manifestPath, 'utf8')) as Record<string, unknown>;
      built.content_scripts = contentScripts.map((script) => ({ ...script, js: [CONTENT_SCRIPT_OUTPUT] }));
      await writeFile(manifestPath, `${JSON.stringify(built, null, 2)}\n`);
    },
  };
}

export default defineConfig({
  define: DEFINE,
  plugins: [
    browserVariants(BROWSER),
    preact(),
    crx({ manifest: manifestWithoutContentScripts as never, browser: BROWSER }),
    tfjsWasmBackend(),
    selfContainedContentScript(),
  ],
  build: {
    target: TARGET,
    outDir: OUT_DIR,
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      // Firefox has no offscreen documents: its background page hosts the engine. The camera view is a page of both.
      input: BROWSER === 'chrome' ? { offscreen: 'src/offscreen/index.html', camera: 'src/camera/index.html' } : { camera: 'src/camera/index.html' },
    },
  },
});
