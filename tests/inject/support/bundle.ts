/**
 * Builds the middle tier's page script once per run: Glimpse's content-script and popup modules
 * with webextension-polyfill replaced by the in-memory stub (browser-stub.ts).
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import preact from '@preact/preset-vite';
import { build } from 'vite';

export const BUNDLE_DIR = resolve(process.cwd(), '.tmp/inject');

export async function buildBundle(): Promise<void> {
  await build({
    configFile: false,
    logLevel: 'warn',
    plugins: [preact()],
    define: { __GLIMPSE_TEST_HOOKS__: 'true' },
    resolve: { alias: { 'webextension-polyfill': resolve(process.cwd(), 'tests/inject/support/browser-stub.ts') } },
    build: {
      outDir: BUNDLE_DIR,
      emptyOutDir: true,
      target: 'chrome120',
      minify: false,
      lib: { entry: 'tests/inject/support/page-entry.tsx', formats: ['iife'], name: 'glimpseInjectBundle', fileName: () => 'page.js', cssFileName: 'page' },
    },
  });
}

export const bundle = async (): Promise<{ script: string; style: string }> => ({
  script: await readFile(join(BUNDLE_DIR, 'page.js'), 'utf8'),
  style: await readFile(join(BUNDLE_DIR, 'page.css'), 'utf8').catch(() => ''),
});
