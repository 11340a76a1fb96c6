/**
 * Drives Glimpse's own engine from Node for the benchmarks: launches Chromium with the built
 * extension and calls, in its service worker, the path a right-click takes (bytes -> offscreen).
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { launchWithExtension, type ExtensionBrowser } from './chromium';
import type { BackendPreference, Classification, Detection, EngineStats, EngineStatus } from '../src/shared/types';

export interface EngineSession {
  ext: ExtensionBrowser;
  setBackend(preference: BackendPreference): Promise<void>;
  /** Most WASM threads for the next engine document (undefined: chosen from the machine); restart the engine after. */
  setMaxThreads(threads: number | undefined): Promise<void>;
  /** Closes the offscreen document, so the next call starts a cold engine. */
  restartEngine(): Promise<void>;
  warm(): Promise<EngineStatus>;
  classify(bytes: Buffer): Promise<Classification>;
  /** Sends all images at once (as 20 right-clicks in a row would) and returns the wall time. */
  classifyAtOnce(images: Buffer[]): Promise<{ wallMs: number; results: Classification[] }>;
  /** Sends the images one after another, each once the previous answer came, and returns the wall time. */
  classifyOneByOne(images: Buffer[]): Promise<{ wallMs: number; results: Classification[] }>;
  stats(): Promise<EngineStats>;
  /** The engine status the popup shows (from session storage). */
  status(): Promise<EngineStatus>;
  benchPredict(runs: number, batch?: number): Promise<{ backend: string; msPerRun: number }>;
  /** The detection path a right-click's follow-up takes (service worker -> engine). */
  detect(bytes: Buffer): Promise<Detection>;
  close(): Promise<void>;
}

export function ensureBuilt(): void {
  const dist = process.env.GLIMPSE_DIST ?? 'dist';
  if (existsSync(`${dist}/manifest.json`) && existsSync(`${dist}/model/model.json`)) return;
  console.error('[engine] no build found: running npm run build');
  const run = spawnSync('npm', ['run', 'build'], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}

type Glimpse = {
  classifyBytes(bytes: ArrayBuffer): Promise<Classification>;
  warmEngine(): Promise<EngineStatus>;
  engineStats(): Promise<EngineStats>;
  closeEngineDocument(): Promise<void>;
  benchPredict(runs: number, batch?: number): Promise<{ backend: string; msPerRun: number }>;
  detectBytes(bytes: ArrayBuffer): Promise<Detection>;
};

export async function startEngineSession(): Promise<EngineSession> {
  ensureBuilt();
  const ext = await launchWithExtension();
  const worker = await ext.worker();
  // Evaluated as an expression string: DevTools may run it, while new Function() would break the CSP.
  const call = <T>(fn: (glimpse: Glimpse, arg: never) => Promise<T>, arg?: unknown): Promise<T> =>
    worker.evaluate(`(${fn.toString()})(globalThis.glimpse, ${JSON.stringify(arg ?? null)})`) as Promise<T>;
  const classifyAll = (images: Buffer[], atOnce: boolean) =>
    call(
      async (g, [all, together]: [string[], boolean]) => {
        const buffers = all.map((b64) => {
          const binary = atob(b64);
          const data = new Uint8Array(binary.length);
          for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
          return data.buffer;
        });
        const started = performance.now();
        const results: Classification[] = [];
        if (together) results.push(...(await Promise.all(buffers.map((b) => g.classifyBytes(b)))));
        else for (const b of buffers) results.push(await g.classifyBytes(b));
        return { wallMs: performance.now() - started, results };
      },
      [images.map((b) => b.toString('base64')), atOnce],
    );
  return {
    ext,
    setBackend: (preference) =>
      worker.evaluate((p: string) => chrome.storage.local.set({ backendPreference: p }), preference),
    setMaxThreads: (threads) =>
      worker.evaluate(
        (t: number | null) => (t === null ? chrome.storage.local.remove('engineMaxThreads') : chrome.storage.local.set({ engineMaxThreads: t })),
        threads ?? null,
      ),
    restartEngine: () => call((g) => g.closeEngineDocument()),
    warm: () => call((g) => g.warmEngine()),
    classify: (bytes) =>
      call(
        (g, b64: string) => {
          const binary = atob(b64);
          const data = new Uint8Array(binary.length);
          for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
          return g.classifyBytes(data.buffer);
        },
        bytes.toString('base64'),
      ),
    classifyAtOnce: (images) => classifyAll(images, true),
    classifyOneByOne: (images) => classifyAll(images, false),
    stats: () => call((g) => g.engineStats()),
    status: async () => ((await worker.evaluate(() => chrome.storage.session.get('engineStatus'))).engineStatus ?? { state: 'idle' }) as EngineStatus,
    benchPredict: (runs, batch) => call((g, [n, b]: [number, number | null]) => g.benchPredict(n, b ?? undefined), [runs, batch ?? null]),
    detect: (bytes) =>
      call(
        (g, b64: string) => {
          const binary = atob(b64);
          const data = new Uint8Array(binary.length);
          for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
          return g.detectBytes(data.buffer);
        },
        bytes.toString('base64'),
      ),
    close: () => ext.close(),
  };
}
