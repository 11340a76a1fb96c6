/**
 * npm run bench [-- --images DIR --runs N]
 * For each backend this machine can run: cold start (model load + warm-up), warm ms per image on
 * the engine's full path (bytes -> result, in the offscreen document) and bare model.predict on a
 * 1x224x224x3 tensor, and their ratio. Also checks that tensors do not grow with use.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Backend } from '../src/shared/types';
import { startEngineSession } from './engine-session';

const { values } = parseArgs({
  options: {
    images: { type: 'string', default: '../shared/eval/imagenet-samples-dev' },
    runs: { type: 'string', default: '20' },
    backends: { type: 'string', default: 'webgl,wasm,cpu' },
  },
});
const dir = resolve(values.images!);
const runs = Number(values.runs);
const files = (await readdir(dir)).filter((f) => /\.(jpe?g|png|webp)$/i.test(f)).sort().slice(0, runs);
const images = await Promise.all(files.map((f) => readFile(join(dir, f))));

interface Row {
  backend: Backend;
  coldMs: number;
  fullMs: number;
  pipelinedMs: number;
  inferMs: number;
  predictMs: number;
  tensorsAfter1: number;
  tensorsAfterAll: number;
  note: string;
}

const session = await startEngineSession();
const rows: Row[] = [];
try {
  for (const backend of values.backends!.split(',') as Backend[]) {
    await session.setBackend(backend);
    await session.restartEngine();
    const coldStart = performance.now();
    const status = await session.warm();
    const coldMs = performance.now() - coldStart;
    if (status.backend !== backend) {
      console.error(`[bench] ${backend}: not available here (engine fell back to ${status.backend ?? status.state})`);
      continue;
    }
    // The CPU backend takes seconds per image: a few runs tell the story.
    const count = backend === 'cpu' ? Math.min(3, images.length) : images.length;
    let full = 0;
    let infer = 0;
    let tensorsAfter1 = 0;
    for (let i = 0; i < count; i++) {
      const result = await session.classify(images[i]!);
      full += result.totalMs;
      infer += result.inferenceMs;
      if (i === 0) tensorsAfter1 = (await session.stats()).numTensors;
    }
    const { wallMs } = await session.classifyAtOnce(images.slice(0, count));
    const tensorsAfterAll = (await session.stats()).numTensors;
    const { msPerRun } = await session.benchPredict(count);
    rows.push({
      backend, coldMs, fullMs: full / count, pipelinedMs: wallMs / count, inferMs: infer / count, predictMs: msPerRun,
      tensorsAfter1, tensorsAfterAll, note: `${count} images`,
    });
    console.error(`[bench] ${backend}: done`);
  }
} finally {
  await session.close();
}

const fmt = (n: number, width = 9) => n.toFixed(1).padStart(width);
console.log('');
console.log('backend | cold start ms | full path ms/img, one at a time (model part) | full path ms/img, all at once | bare predict ms | ratio one-at-a-time | ratio all-at-once | tensors after 1 / all | images');
console.log('--- | --- | --- | --- | --- | --- | --- | --- | ---');
for (const r of rows) {
  console.log(
    [
      r.backend, fmt(r.coldMs), `${fmt(r.fullMs)} (${r.inferMs.toFixed(1)})`, fmt(r.pipelinedMs), fmt(r.predictMs),
      (r.fullMs / r.predictMs).toFixed(2), (r.pipelinedMs / r.predictMs).toFixed(2), `${r.tensorsAfter1} / ${r.tensorsAfterAll}`, r.note,
    ].join(' | '),
  );
}
