/**
 * npm run eval-detect -- --scenes DIR [--detections FILE] [--backend wasm|webgl|cpu|auto]
 * How well Glimpse finds things: DIR holds scenes (truth.json, as in ../shared/eval/scenes-dev)
 * and pictures of nothing (empty-*); detections are read from FILE (written by `npm run detect`)
 * or made now through the built extension. Prints each miss and false object, then
 * `eval-detect: found=F/T (P %) false_on_empty=E false_on_background=B ms_per_image=X`.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BackendPreference } from '../src/shared/types';
import { startEngineSession } from '../harness/engine-session';
import { scoreScene, sitsOn, type ReportedObject, type TruthScene } from './detect-score';

const { values } = parseArgs({ options: { scenes: { type: 'string' }, detections: { type: 'string' }, backend: { type: 'string', default: 'auto' } } });
if (!values.scenes) {
  console.error('usage: npm run eval-detect -- --scenes DIR [--detections FILE] [--backend wasm|webgl|cpu|auto]');
  process.exit(2);
}
const dir = resolve(values.scenes);
const truth = JSON.parse(await readFile(join(dir, 'truth.json'), 'utf8')) as { scenes: TruthScene[] };
const empties = (await readdir(dir)).filter((name) => /^empty-/.test(name)).sort();

type Line = { image: string; objects: ReportedObject[]; ms?: number };
let lines: Line[];
if (values.detections) {
  lines = (await readFile(resolve(values.detections), 'utf8')).split('\n').filter(Boolean).map((line) => JSON.parse(line) as Line);
} else {
  const session = await startEngineSession();
  lines = [];
  try {
    await session.setBackend(values.backend as BackendPreference);
    await session.warm();
    for (const image of [...truth.scenes.map((s) => s.image), ...empties]) {
      const detection = await session.detect(await readFile(join(dir, image)));
      lines.push({ image, objects: detection.objects, ms: detection.totalMs });
    }
  } finally {
    await session.close();
  }
}
const byImage = new Map(lines.map((line) => [line.image, line]));

let things = 0;
let found = 0;
let falseOnBackground = 0;
for (const scene of truth.scenes) {
  const reported = byImage.get(scene.image)?.objects ?? [];
  const score = scoreScene(scene.objects, reported);
  things += score.things;
  found += score.found;
  falseOnBackground += score.falseObjects;
  for (const miss of score.missed) {
    const near = reported.filter((o) => sitsOn(o.box, miss.box)).map((o) => o.name);
    console.log(`miss ${scene.image} ${miss.file} (${miss.coco})${near.length ? `: said ${near.join(', ')}` : ''}`);
  }
  for (const object of reported.filter((o) => !scene.objects.some((t) => sitsOn(o.box, t.box)))) {
    console.log(`false ${scene.image} ${object.name} [${object.box.map(Math.round).join(', ')}]`);
  }
}
let falseOnEmpty = 0;
for (const image of empties) {
  const reported = byImage.get(image)?.objects ?? [];
  falseOnEmpty += reported.length;
  for (const object of reported) console.log(`false ${image} ${object.name}`);
}
const timed = lines.filter((line) => line.ms !== undefined);
const ms = timed.reduce((sum, line) => sum + line.ms!, 0) / Math.max(1, timed.length);
console.log(
  `eval-detect: found=${found}/${things} (${((100 * found) / things).toFixed(1)} %) false_on_empty=${falseOnEmpty} ` +
    `false_on_background=${falseOnBackground} ms_per_image=${ms.toFixed(1)}`,
);
