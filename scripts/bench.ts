/**
 * npm run bench [-- --images DIR --runs N --backends wasm,webgl,cpu]
 * Per configuration: cold start (engine document closed -> first answer), warm ms per image on the
 * engine's full path (bytes -> answer, in the offscreen document) one at a time (after an untimed pass,
 * each image's median of three passes), and wall ms per
 * image from the service worker sending them one by one and all at once,
 * bare model.predict on a 1x224x224x3 tensor (median run), and the tensor count after one and after all images.
 * WASM runs twice, on its threads and on one thread. The last line sums it up for other checks:
 * bench: backend=… threads=… predict_ms=… predict_1thread_ms=… speedup=… full_ratio=… batch_ratio=… cold_ms=… detect_ms=… camera_fps=…
 *   click_same_ms=… click_cross_ms=… cold_click_ms=… scan24_ms=… (bench-clicks.ts: what a person waits for)
 * detect_ms: the full detection path (bytes -> found objects) on 1200x600 scenes, warm, default threads, median.
 * (camera_fps: answers a second in the camera view on a fake camera, scripts/bench-camera.ts).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Backend } from '../src/shared/types';
import { startEngineSession, type EngineSession } from '../harness/engine-session';
import { benchCamera, cameraSummary, type CameraBench } from './bench-camera';
import { measureClicks, type ClickFigures } from './bench-clicks';

const { values } = parseArgs({
  options: {
    images: { type: 'string', default: '../shared/eval/imagenet-samples-dev' },
    runs: { type: 'string', default: '20' },
    backends: { type: 'string', default: 'wasm' },
    scenes: { type: 'string', default: '../shared/eval/scenes-dev' },
    /** `clicks`: only what a person waits for (bench-clicks.ts), not the engine's figures; `detect`: only detect_ms. */
    only: { type: 'string' },
    /** Scans of 24 photos to time (bench-clicks.ts); 0 skips them. */
    scans: { type: 'string', default: '5' },
  },
});
const dir = resolve(values.images!);
const runs = Number(values.runs);
const files = (await readdir(dir)).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort().slice(0, runs);
const images = await Promise.all(files.map((f) => readFile(join(dir, f))));

interface Row {
  backend: Backend;
  threads?: number;
  coldMs: number;
  fullMs: number;
  atOnceMs: number;
  oneByOneMs: number;
  inferMs: number;
  predictMs: number;
  tensorsAfter1: number;
  tensorsAfterAll: number;
  count: number;
  /** Bare predict, ms per image, by batch size. */
  perImageByBatch: Record<number, number>;
}

const BATCHES = [1, 2, 4, 8];
const TIMED_PASSES = 3;

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

async function measure(session: EngineSession, backend: Backend, maxThreads?: number): Promise<Row | undefined> {
  await session.setBackend(backend);
  await session.setMaxThreads(maxThreads);
  await session.restartEngine();
  // Cold: the engine document is closed; time to the first answer (document, model, warm-up, image).
  const coldStart = performance.now();
  const first = await session.classify(images[0]!);
  const coldMs = performance.now() - coldStart;
  if (first.backend !== backend) {
    console.error(`[bench] ${backend}: not available here (engine fell back to ${first.backend})`);
    return undefined;
  }
  const { threads } = await session.status();
  // The CPU backend takes seconds per image: a few runs tell the story.
  const count = backend === 'cpu' ? Math.min(3, images.length) : images.length;
  // Warm means steady state: one untimed pass first (JIT tiers, each batch shape's first run,
  // the content-free answer asked after the first answer), then TIMED_PASSES timed passes; each
  // image counts with its median pass (a pass the machine's other work slowed says nothing of
  // Glimpse), and every image counts (the far-from-square ones run two or three views).
  for (let i = 0; i < count; i++) await session.classify(images[i]!);
  const totals: number[][] = images.slice(0, count).map(() => []);
  const inferences: number[][] = images.slice(0, count).map(() => []);
  let tensorsAfter1 = 0;
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    for (let i = 0; i < count; i++) {
      const result = await session.classify(images[i]!);
      totals[i]!.push(result.totalMs);
      inferences[i]!.push(result.inferenceMs);
      if (pass === 0 && i === 0) tensorsAfter1 = (await session.stats()).numTensors;
    }
  }
  const full = totals.reduce((sum, times) => sum + median(times), 0);
  const infer = inferences.reduce((sum, times) => sum + median(times), 0);
  const oneByOne = await session.classifyOneByOne(images.slice(0, count));
  const { wallMs } = await session.classifyAtOnce(images.slice(0, count));
  const tensorsAfterAll = (await session.stats()).numTensors;
  const { msPerRun } = await session.benchPredict(count);
  const perImageByBatch: Record<number, number> = {};
  if (backend !== 'cpu') {
    for (const batch of BATCHES) perImageByBatch[batch] = (await session.benchPredict(Math.max(2, Math.ceil(count / batch)), batch)).msPerRun / batch;
  }
  console.error(`[bench] ${backend}${threads ? ` ${threads} thread(s)` : ''}: done`);
  return {
    backend, threads, coldMs, fullMs: full / count, atOnceMs: wallMs / count, oneByOneMs: oneByOne.wallMs / count, inferMs: infer / count, predictMs: msPerRun,
    tensorsAfter1, tensorsAfterAll, count, perImageByBatch,
  };
}

/** The offscreen document's memory: everything it holds (its workers and WASM memory included), and its JS heap. */
async function offscreenMemory(session: EngineSession): Promise<{ totalMb?: number; jsHeapMb: number }> {
  const target = (await session.ext.browser.targets()).find((t) => t.url().endsWith('/src/offscreen/index.html'));
  if (!target) throw new Error('no offscreen document');
  const cdp = await target.createCDPSession();
  try {
    await cdp.send('HeapProfiler.collectGarbage');
    const { usedSize } = await cdp.send('Runtime.getHeapUsage');
    // Needs cross-origin isolation, which the extension's pages have.
    // It may wait long for a GC of its own; the summary never waits on it.
    const measured = await Promise.race([
      cdp.send('Runtime.evaluate', {
        expression: 'performance.measureUserAgentSpecificMemory().then((m) => m.bytes)', awaitPromise: true, returnByValue: true,
      }),
      new Promise<undefined>((resolve) => setTimeout(resolve, 30_000)),
    ]).catch(() => undefined);
    const bytes = measured?.result.value as number | undefined;
    return { totalMb: typeof bytes === 'number' ? bytes / 2 ** 20 : undefined, jsHeapMb: usedSize / 2 ** 20 };
  } finally {
    await cdp.detach();
  }
}

const launched = performance.now();
const session = await startEngineSession();
const rows: Row[] = [];
let browserToAnswerMs: number;
const memory: { totalMb?: number; jsHeapMb: number }[] = [];
let tensorsAfter100: number;
const DETECT_SCENES = 6;
let detectMs = Number.NaN;
let detectTensors = '';
const scenesDir = resolve(values.scenes!);
const scenes = await Promise.all(
  (await readdir(scenesDir).catch(() => [] as string[])).filter((f) => /^scene-.*\.jpe?g$/i.test(f)).sort().slice(0, DETECT_SCENES)
    .map((f) => readFile(join(scenesDir, f))),
);
let clicks: ClickFigures | undefined;

/** The full detection path per scene, warm: the median over scenes of each scene's median of TIMED_PASSES passes. */
async function measureDetection(session: EngineSession, pictures: Buffer[]): Promise<{ ms: number; tensors: string }> {
  // The detector loads on first use and each input size compiles once: one untimed pass first.
  for (const picture of pictures) await session.detect(picture);
  const before = (await session.stats()).numTensors;
  const times: number[][] = pictures.map(() => []);
  for (let pass = 0; pass < TIMED_PASSES; pass++) {
    for (let i = 0; i < pictures.length; i++) times[i]!.push((await session.detect(pictures[i]!)).totalMs);
  }
  return { ms: median(times.map(median)), tensors: `${before} / ${(await session.stats()).numTensors}` };
}
try {
  if (values.only === 'clicks' || values.only === 'scan') {
    clicks = await measureClicks(session.ext, values.only === 'scan' ? { clicks: 0, scans: Number(values.scans) } : { scans: Number(values.scans) });
    console.log(`bench: click_same_ms=${clicks.clickSameMs.toFixed(0)} click_cross_ms=${clicks.clickCrossMs.toFixed(0)} cold_click_ms=${clicks.coldClickMs.toFixed(0)} engine_closed_click_ms=${clicks.engineClosedClickMs.toFixed(0)} scan24_ms=${clicks.scan24Ms.toFixed(0)}`);
    process.exit(0);
  }
  await session.setBackend('wasm');
  await session.classify(images[0]!);
  if (values.only === 'detect') {
    const { ms, tensors } = await measureDetection(session, scenes);
    console.log(`bench: detect_ms=${ms.toFixed(1)} tensors_before_after=${tensors.replace(' / ', '/')}`);
    process.exit(0);
  }
  browserToAnswerMs = performance.now() - launched;
  for (const backend of values.backends!.split(',') as Backend[]) {
    const row = await measure(session, backend);
    if (row) rows.push(row);
    if (backend === 'wasm' && row?.threads !== undefined && row.threads > 1) {
      const single = await measure(session, 'wasm', 1);
      if (single) rows.push(single);
    }
  }
  await session.setMaxThreads(undefined);
  await session.setBackend('wasm');
  await session.restartEngine();
  await session.classify(images[0]!);
  const noMemory = (error: unknown) => (console.error('[bench] memory not measured', error), { jsHeapMb: Number.NaN });
  memory.push(await offscreenMemory(session).catch(noMemory));
  for (let i = 1; i < 100; i++) await session.classify(images[i % images.length]!);
  memory.push(await offscreenMemory(session).catch(noMemory));
  tensorsAfter100 = (await session.stats()).numTensors;
  if (scenes.length > 0) ({ ms: detectMs, tensors: detectTensors } = await measureDetection(session, scenes));
  clicks = await measureClicks(session.ext);
} finally {
  await session.close();
}

// The camera view on a fake camera (its own browser: Chromium's fake camera is a launch flag).
const camera: CameraBench | undefined = await benchCamera().catch((error: unknown) => (console.error('[bench] camera view not measured', error), undefined));

const fmt = (n: number, width = 9) => n.toFixed(1).padStart(width);
console.log('');
console.log('backend | threads | cold start ms (closed -> first answer) | full path ms/img, one at a time (model part) | wall ms/img, one by one | wall ms/img, all at once | bare predict ms | ratio one-at-a-time | ratio all-at-once | tensors after 1 / all | images');
console.log('--- | --- | --- | --- | --- | --- | --- | --- | --- | --- | ---');
for (const r of rows) {
  console.log(
    [
      r.backend, r.threads ?? '-', fmt(r.coldMs), `${fmt(r.fullMs)} (${r.inferMs.toFixed(1)})`, fmt(r.oneByOneMs), fmt(r.atOnceMs), fmt(r.predictMs),
      (r.fullMs / r.predictMs).toFixed(2), (r.atOnceMs / r.predictMs).toFixed(2), `${r.tensorsAfter1} / ${r.tensorsAfterAll}`, `${r.count} images`,
    ].join(' | '),
  );
}
console.log('');
console.log(`backend | threads | ${BATCHES.map((b) => `bare predict ms/img, batch ${b}`).join(' | ')}`);
console.log(['---', '---', ...BATCHES.map(() => '---')].join(' | '));
for (const r of rows.filter((row) => Object.keys(row.perImageByBatch).length > 0)) {
  console.log([r.backend, r.threads ?? '-', ...BATCHES.map((b) => fmt(r.perImageByBatch[b]!))].join(' | '));
}
console.log('');
console.log(`browser start -> first answer: ${browserToAnswerMs.toFixed(0)} ms`);
const mb = (m?: { totalMb?: number; jsHeapMb: number }) =>
  m ? `${m.totalMb === undefined ? '?' : m.totalMb.toFixed(1)} MB (JS heap ${m.jsHeapMb.toFixed(1)} MB)` : '?';
if (camera) console.log(cameraSummary(camera));
console.log(`offscreen document memory (WASM, default threads): after 1 image ${mb(memory[0])}, after 100 images ${mb(memory[1])}; tensors after 100: ${tensorsAfter100}`);

console.log(`detection (WASM, default threads, ${scenes.length} scenes): median ${detectMs.toFixed(1)} ms per picture; tensors before / after ${TIMED_PASSES} passes: ${detectTensors}`);

const chosen = rows.find((r) => r.backend === 'wasm' && r.threads !== 1) ?? rows.find((r) => r.backend === 'wasm') ?? rows[0];
const single = rows.find((r) => r.backend === 'wasm' && r.threads === 1);
if (chosen) {
  const y = single ?? chosen;
  const n = (x: number, digits = 1) => x.toFixed(digits);
  console.log(
    `bench: backend=${chosen.backend} threads=${chosen.threads ?? 1} predict_ms=${n(chosen.predictMs)} predict_1thread_ms=${n(y.predictMs)} ` +
      `speedup=${n(y.predictMs / chosen.predictMs, 2)} full_ratio=${n(y.fullMs / y.predictMs, 2)} ` +
      `batch_ratio=${n(chosen.atOnceMs / chosen.oneByOneMs, 2)} cold_ms=${n(chosen.coldMs, 0)} detect_ms=${n(detectMs)}` +
      (camera ? ` camera_fps=${n(camera.answersPerSecond)}` : '') +
      (clicks ? ` click_same_ms=${n(clicks.clickSameMs, 0)} click_cross_ms=${n(clicks.clickCrossMs, 0)} cold_click_ms=${n(clicks.coldClickMs, 0)} engine_closed_click_ms=${n(clicks.engineClosedClickMs, 0)} scan24_ms=${n(clicks.scan24Ms, 0)}` : ''),
  );
}
