/**
 * npm run measure-taught [-- --repeats 30]
 * Classes taught by example, measured on the dev photos: the engine embeds every photo (the path
 * teaching takes), then, many times over, 4 photos per class are "taught" at random and every
 * other photo of those classes is answered by the nearest examples (the extension's own knn.ts).
 * Classes are ImageNet class groups (by class index, never by file name). Also: how sure such
 * answers are when right and when wrong (to calibrate "not sure"), photos of kinds never taught,
 * a Teachable Machine-like head trained on the same 4 examples (Teachable Machine's recipe: dense
 * 100 + softmax, 50 epochs), and the import of a Teachable Machine-sized export (time, memory).
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import * as tf from '@tensorflow/tfjs';
import { knnClassify, nearness } from '../src/offscreen/custom/knn';
import { startEngineSession } from '../harness/engine-session';
import { writeTeachableSizedExport } from '../harness/teachable-export';

const { values } = parseArgs({
  options: {
    repeats: { type: 'string', default: '30' }, images: { type: 'string', default: '../shared/eval/imagenet-samples-dev' },
    /** Keeps the photos' embeddings in this file (and reads them from it next time): the engine's part is the slow one. */
    cache: { type: 'string' },
    /** Also train Teachable Machine's head on the same examples (slow with TF.js on the CPU in Node). */
    'tm-head': { type: 'boolean', default: false },
  },
});
const REPEATS = Number(values.repeats);
const DIR = resolve(values.images!);
const TAUGHT_PER_CLASS = 4;

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
/** ImageNet class groups (standard class indices). */
const GROUPS: Record<string, number[]> = {
  dogs: range(151, 268),
  birds: [...range(7, 24), ...range(80, 100), ...range(127, 146)],
  reptiles: range(33, 68),
  insects: range(300, 326),
  // Cars, trucks, buses, bikes, boats, planes, trains (wheeled, sailing and flying machines).
  vehicles: [407, 436, 444, 466, 468, 472, 484, 510, 511, 554, 555, 569, 573, 575, 576, 581, 586, 595, 603, 609, 612, 625, 627, 628, 654, 656, 661, 665, 670, 671, 675, 705, 717, 724, 734, 751, 757, 779, 780, 803, 814, 817, 829, 833, 847, 864, 866, 867, 871, 874, 880, 895, 908, 913, 914],
};

const rows = (await readFile(join(DIR, 'labels.csv'), 'utf8')).split(/\r?\n/).slice(1).filter(Boolean)
  .map((line) => line.split(',')).map(([file, , index]) => ({ file: file!, index: Number(index) }));

const session = await startEngineSession();
const worker = await session.ext.worker();
const started = Date.now();
console.error(`[measure] embedding ${rows.length} photos (load ${loadavg()[0]!.toFixed(1)}, ${cpus().length} cores)`);
const embeddings = new Map<string, Float32Array>();
const cached = values.cache ? await readFile(values.cache, 'utf8').then((text) => JSON.parse(text) as Record<string, number[]>, (): Record<string, number[]> => ({})) : {};
for (const [file, vector] of Object.entries(cached)) embeddings.set(file, Float32Array.from(vector));
for (const row of rows) {
  if (embeddings.has(row.file)) continue;
  const b64 = (await readFile(join(DIR, row.file))).toString('base64');
  const values = await worker.evaluate(`(async () => {
    const binary = atob(${JSON.stringify(b64)});
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const { embedding } = await globalThis.glimpse.embedBytes(bytes.buffer);
    return Array.from(new Float32Array(embedding));
  })()`) as number[];
  embeddings.set(row.file, Float32Array.from(values));
}
console.error(`[measure] embedded in ${((Date.now() - started) / 1000).toFixed(0)} s`);
if (values.cache) await writeFile(values.cache, JSON.stringify(Object.fromEntries([...embeddings].map(([file, v]) => [file, [...v]]))));

let seed = 12345;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
const shuffled = <T>(items: T[]) => items.map((item) => ({ item, key: random() })).sort((a, b) => a.key - b.key).map(({ item }) => item);
const groupOf = (index: number) => Object.entries(GROUPS).find(([, indices]) => indices.includes(index))?.[0];

interface Answer { right: boolean; confidence: number; share: number; nearest: number; tm: number; tmRight: boolean }

/** Teachable Machine's head on the embeddings: dense 100 (relu) + softmax, Adam 0.001, 50 epochs, batch 16. */
async function tmHead(train: { x: Float32Array; y: number }[], classes: number) {
  const model = tf.sequential({ layers: [tf.layers.dense({ inputShape: [1280], units: 100, activation: 'relu' }), tf.layers.dense({ units: classes, activation: 'softmax' })] });
  model.compile({ optimizer: tf.train.adam(0.001), loss: 'categoricalCrossentropy' });
  const xs = tf.tensor2d(train.map((t) => [...t.x]));
  const ys = tf.oneHot(tf.tensor1d(train.map((t) => t.y), 'int32'), classes);
  await model.fit(xs, ys, { epochs: 50, batchSize: 16, shuffle: true, verbose: 0 });
  xs.dispose();
  ys.dispose();
  return model;
}

async function experiment(groups: string[]): Promise<{ answers: Answer[]; strangers: Answer[] }> {
  const answers: Answer[] = [];
  const strangers: Answer[] = [];
  const members = groups.map((g) => rows.filter((r) => groupOf(r.index) === g));
  const others = rows.filter((r) => !groups.includes(groupOf(r.index) ?? ''));
  for (let repeat = 0; repeat < REPEATS; repeat++) {
    const split = members.map((m) => shuffled(m));
    const taught = split.map((m, i) => ({ name: groups[i]!, vectors: m.slice(0, TAUGHT_PER_CLASS).map((r) => embeddings.get(r.file)!) }));
    const head = values['tm-head'] ? await tmHead(taught.flatMap((c, y) => c.vectors.map((x) => ({ x, y }))), groups.length) : undefined;
    console.error(`[measure] ${groups.length} classes, draw ${repeat + 1}/${REPEATS}`);
    const ask = async (file: string, truth: number | undefined): Promise<Answer> => {
      const query = embeddings.get(file)!;
      const answer = knnClassify(query, taught);
      const bare = knnClassify(query, taught, undefined, () => 1);
      const probabilities = head ? tf.tidy(() => head.predict(tf.tensor2d([[...query]])) as tf.Tensor).dataSync() : new Float32Array(groups.length);
      const tmTop = probabilities.indexOf(Math.max(...probabilities));
      return {
        right: answer.ranked[0]!.name === groups[truth ?? -1], confidence: answer.ranked[0]!.confidence, share: bare.ranked[0]!.confidence,
        nearest: answer.nearest, tm: probabilities[tmTop]!, tmRight: tmTop === truth,
      };
    };
    for (const [truth, m] of split.entries()) for (const r of m.slice(TAUGHT_PER_CLASS)) answers.push(await ask(r.file, truth));
    for (const r of others) strangers.push(await ask(r.file, undefined));
    head?.dispose();
  }
  return { answers, strangers };
}

const pct = (n: number, d: number) => (d ? `${((100 * n) / d).toFixed(1)}%` : 'n/a');
const quantile = (values: number[], q: number) => [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))]!;
function report(name: string, { answers, strangers }: { answers: Answer[]; strangers: Answer[] }): void {
  const right = answers.filter((a) => a.right);
  console.log(`\n## ${name}: ${answers.length} answers over ${REPEATS} draws`);
  console.log(`taught class right (top-1): ${pct(right.length, answers.length)}; Teachable Machine-like head: ${pct(answers.filter((a) => a.tmRight).length, answers.length)}`);
  console.log(`nearest similarity, same kind: p10 ${quantile(answers.map((a) => a.nearest), 0.1).toFixed(3)} median ${quantile(answers.map((a) => a.nearest), 0.5).toFixed(3)}; never-taught kinds: median ${quantile(strangers.map((a) => a.nearest), 0.5).toFixed(3)} p90 ${quantile(strangers.map((a) => a.nearest), 0.9).toFixed(3)}`);
  for (const [lo, hi] of [[0, 0.5], [0.5, 0.8], [0.8, 1.01]]) {
    const inBin = answers.filter((a) => a.confidence >= lo! && a.confidence < hi!);
    const tmBin = answers.filter((a) => a.tm >= lo! && a.tm < hi!);
    console.log(`confidence ${lo}-${Math.min(1, hi!)}: knn ${inBin.length} answers, right ${pct(inBin.filter((a) => a.right).length, inBin.length)}; never-taught kinds here ${strangers.filter((a) => a.confidence >= lo! && a.confidence < hi!).length}/${strangers.length} | TM head ${tmBin.length}, right ${pct(tmBin.filter((a) => a.tmRight).length, tmBin.length)}; never-taught ${strangers.filter((a) => a.tm >= lo! && a.tm < hi!).length}`);
  }
  console.log(`said plainly or "probably" (>= 0.5): right ${pct(answers.filter((a) => a.confidence >= 0.5 && a.right).length, answers.filter((a) => a.confidence >= 0.5).length)}; "not sure": ${pct(answers.filter((a) => a.confidence < 0.5).length, answers.length)} of same-kind photos, ${pct(strangers.filter((a) => a.confidence < 0.5).length, strangers.length)} of never-taught kinds`);
}

try {
  console.log(`# Taught classes on the dev photos (${TAUGHT_PER_CLASS} taught per class; load ${loadavg()[0]!.toFixed(1)})`);
  report('2 classes (dogs, birds)', await experiment(['dogs', 'birds']));
  report('5 classes (dogs, birds, vehicles, reptiles, insects)', await experiment(['dogs', 'birds', 'vehicles', 'reptiles', 'insects']));
  console.log(`(nearness: ${nearness(0.5).toFixed(2)} at 0.5)`);

  // The import of a Teachable Machine-sized export, through the path the popup takes.
  const dir = await mkdtemp(join(tmpdir(), 'glimpse-tm-size-'));
  const files = await writeTeachableSizedExport(dir);
  const [modelJson, weights, metadata] = await Promise.all([readFile(files.modelJson, 'utf8'), readFile(files.weightsBin), readFile(files.metadataJson, 'utf8')]);
  const before = await session.stats();
  const imported = await worker.evaluate(`(async () => {
    const binary = atob(${JSON.stringify(weights.toString('base64'))});
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    const t0 = performance.now();
    const outcome = await globalThis.glimpse.importTeachableModel({ modelJson: ${JSON.stringify(modelJson)}, weights: bytes.buffer, metadata: ${JSON.stringify(metadata)} });
    return { ms: performance.now() - t0, ok: outcome.ok };
  })()`) as { ms: number; ok: boolean };
  const after = await session.stats();
  const photo = await readFile(join(DIR, rows[0]!.file));
  const first = await session.classify(photo);
  const times: number[] = [];
  for (let i = 0; i < 20; i++) times.push((await session.classify(photo)).totalMs);
  const after20 = await session.stats();
  console.log(`\n## Import of a Teachable Machine-sized export (${(weights.byteLength / 1e6).toFixed(2)} MB of weights; load ${loadavg()[0]!.toFixed(1)})`);
  console.log(`import (check, build, test run, save to IndexedDB): ${imported.ms.toFixed(0)} ms, ok ${imported.ok}`);
  console.log(`engine memory: ${(before.numBytes / 1e6).toFixed(1)} MB before, ${(after.numBytes / 1e6).toFixed(1)} MB after import (+${((after.numBytes - before.numBytes) / 1e6).toFixed(1)} MB, tensors ${before.numTensors} -> ${after.numTensors}); after 21 answers ${(after20.numBytes / 1e6).toFixed(1)} MB, ${after20.numTensors} tensors`);
  console.log(`answer with it: first ${first.totalMs} ms (${first.model?.name}), then median ${quantile(times, 0.5)} ms on ${first.backend}`);
  await rm(dir, { recursive: true, force: true });
} finally {
  await session.close();
}
