/**
 * npm run eval -- --images DIR [--backend webgl|wasm|cpu|auto] [--limit N]
 * Accuracy of Glimpse's own engine on labelled images: DIR/labels.csv has file,wnid,class_index.
 * Prints one JSON line per image, then `top1=… top5=… n=… ms_per_image=… backend=…`.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BackendPreference } from '../src/shared/types';
import { startEngineSession } from '../harness/engine-session';

const { values } = parseArgs({
  options: {
    images: { type: 'string' },
    backend: { type: 'string', default: 'auto' },
    limit: { type: 'string' },
  },
});
if (!values.images) {
  console.error('usage: npm run eval -- --images DIR [--backend webgl|wasm|cpu|auto] [--limit N]');
  process.exit(2);
}
const dir = resolve(values.images);
const backend = values.backend as BackendPreference;
if (!['auto', 'webgl', 'wasm', 'cpu'].includes(backend)) {
  console.error(`unknown backend ${backend}`);
  process.exit(2);
}

const rows = (await readFile(join(dir, 'labels.csv'), 'utf8'))
  .split(/\r?\n/)
  .slice(1)
  .filter((line) => line.trim())
  .map((line) => {
    const [file, wnid, classIndex] = line.split(',');
    return { file: file!, wnid: wnid!, classIndex: Number(classIndex) };
  })
  .slice(0, values.limit ? Number(values.limit) : undefined);

const session = await startEngineSession();
let top1 = 0;
let top5 = 0;
let totalMs = 0;
let usedBackend = '';
try {
  await session.setBackend(backend);
  await session.warm();
  for (const row of rows) {
    const result = await session.classify(await readFile(join(dir, row.file)));
    const ranks = result.predictions.map((p) => p.classIndex);
    const hit1 = ranks[0] === row.classIndex;
    const hit5 = ranks.includes(row.classIndex);
    top1 += Number(hit1);
    top5 += Number(hit5);
    totalMs += result.totalMs;
    usedBackend = result.backend;
    console.log(JSON.stringify({
      file: row.file, expected: row.classIndex, predicted: ranks[0], label: result.predictions[0]?.label,
      probability: Number(result.predictions[0]?.probability.toFixed(4)), second: Number(result.predictions[1]?.probability.toFixed(4)),
      structure: result.structure, stats: result.pictureStats, notPhoto: result.notPhoto,
      top5ranks: result.predictions.map((p) => [p.classIndex, Number(p.probability.toFixed(4))]), top1: hit1, top5: hit5,
      ms: result.totalMs, inference_ms: result.inferenceMs, backend: result.backend,
    }));
  }
} finally {
  await session.close();
}
const n = rows.length;
console.log(`top1=${(top1 / n).toFixed(3)} top5=${(top5 / n).toFixed(3)} n=${n} ms_per_image=${(totalMs / n).toFixed(1)} backend=${usedBackend}`);
