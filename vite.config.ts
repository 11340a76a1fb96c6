import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { defineConfig, type Plugin } from 'vite';
import manifest from './manifest.json' with { type: 'json' };

const require = createRequire(import.meta.url);
const WASM_FILES = ['tfjs-backend-wasm.wasm', 'tfjs-backend-wasm-simd.wasm'];

/** Ships TF.js's WASM binaries inside the extension (no CDN); the engine points the backend at wasm/. */
function tfjsWasmBinaries(): Plugin {
  return {
    name: 'glimpse:tfjs-wasm-binaries',
    async generateBundle() {
      const distDir = dirname(require.resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
      for (const file of WASM_FILES) {
        this.emitFile({ type: 'asset', fileName: `wasm/${file}`, source: await readFile(join(distDir, file)) });
      }
    },
  };
}

export default defineConfig({
  plugins: [preact(), crx({ manifest: manifest as never }), tfjsWasmBinaries()],
  build: {
    target: 'chrome120',
    // GLIMPSE_OUT_DIR lets parallel work build side by side without replacing each other's dist/.
    outDir: process.env.GLIMPSE_OUT_DIR ?? 'dist',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 4096,
    rollupOptions: {
      input: { offscreen: 'src/offscreen/index.html' },
    },
  },
});
