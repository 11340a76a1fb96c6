/**
 * npm run calibrate:not-photos -- PHOTOS.jsonl NOT-PHOTOS.jsonl [OTHERS.jsonl] [--write]
 * Fits and checks the rule that tells a photo from a picture that is not a photo of a thing
 * (src/offscreen/picture-kind.ts), from `npm run eval` output: PHOTOS are the dev photos, NOT-PHOTOS
 * the drawn set (scripts/make-not-photo-set.ts; a file's kind is its name up to the first "-").
 * Prints, for docs/CALIBRATION.md: each kind held out in turn (the rule fitted without it, then
 * judged on it), the photos in five folds (each fifth judged by a rule fitted on the rest), the
 * rule fitted on everything, and how well the kind is named. --write saves the fitted weights to
 * src/offscreen/picture-kind-weights.ts.
 *   npx tsx scripts/make-not-photo-set.ts
 *   npm run eval -- --images ../shared/eval/imagenet-samples-dev --backend wasm > dev.jsonl
 *   npm run eval -- --images .tmp/not-photo-set --backend wasm > not-photos.jsonl
 *   npm run calibrate:not-photos -- dev.jsonl not-photos.jsonl
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { linearScore, type LinearModel } from '../src/offscreen/linear-model';
import { features, FEATURE_NAMES, kindFeatures, MIN_DRAWN_EDGES } from '../src/offscreen/picture-kind';
import { certaintyOf } from '../src/shared/calibration';
import type { NotPhotoKind, PictureStats } from '../src/shared/types';

interface Row { file: string; stats: PictureStats; top5ranks: [number, number][]; notPhoto?: string; probability: number; structure?: number; label: string }
interface Sample { file: string; kind: string; x: number[]; k: number[]; notPhoto?: string; honest: boolean; said: string }

const [photosFile, setFile, otherFile] = process.argv.slice(2).filter((arg) => !arg.startsWith('--'));
if (!photosFile || !setFile) {
  console.error('usage: npm run calibrate:not-photos -- photos.jsonl not-photos.jsonl [--write]');
  process.exit(2);
}
const load = (file: string, kind?: string): Sample[] =>
  readFileSync(file, 'utf8').split(/\r?\n/).filter((line) => line.startsWith('{')).map((line) => JSON.parse(line) as Row)
    .map((row) => ({
      file: row.file, kind: kind ?? row.file.split('-')[0]!, notPhoto: row.notPhoto,
      // What the engine that ran the eval answered: honest when "not a photo" or "not sure".
      honest: row.notPhoto !== undefined || certaintyOf({ predictions: [{ label: '', synonyms: [], classIndex: 0, probability: row.probability }], structure: row.structure }) === 'unsure',
      said: row.notPhoto ?? `${row.label} ${row.probability}`,
      x: features(row.stats, row.top5ranks.map(([classIndex, probability]) => ({ classIndex, probability }))),
      k: kindFeatures(row.stats, row.top5ranks.map(([classIndex, probability]) => ({ classIndex, probability }))),
    }));
const photos = load(photosFile, 'photo');
const drawn = load(setFile);
const KINDS = [...new Set(drawn.map((s) => s.kind))];
/** The drawn kinds as the words name them: a diagram or a table is named as such too. */
const WORD_KIND: Record<string, NotPhotoKind> = { chart: 'chart', diagram: 'diagram', drawing: 'drawing', text: 'text', screenshot: 'screenshot', map: 'map', table: 'table' };

/** Logistic regression on standardised features, L2-regularised, by gradient descent; `weightOf` balances the classes. */
function fitLogistic(xs: number[][], ys: number[], weightOf: (y: number) => number, l2 = 0.01, steps = 1500, rate = 0.5): LinearModel {
  const d = xs[0]!.length;
  const mean = Array.from({ length: d }, (_, j) => xs.reduce((s, x) => s + x[j]!, 0) / xs.length);
  const scale = Array.from({ length: d }, (_, j) => Math.sqrt(xs.reduce((s, x) => s + (x[j]! - mean[j]!) ** 2, 0) / xs.length) || 1);
  const model: LinearModel = { mean, scale, weights: new Array<number>(d).fill(0), bias: 0 };
  const total = ys.reduce((s, y) => s + weightOf(y), 0);
  for (let step = 0; step < steps; step++) {
    const grad = new Array<number>(d).fill(0);
    let gradBias = 0;
    xs.forEach((x, i) => {
      const p = 1 / (1 + Math.exp(-linearScore(model, x)));
      const error = (p - ys[i]!) * weightOf(ys[i]!);
      gradBias += error;
      x.forEach((value, j) => (grad[j]! += error * ((value - mean[j]!) / scale[j]!)));
    });
    model.bias -= (rate * gradBias) / total;
    model.weights = model.weights.map((w, j) => w - rate * (grad[j]! / total + l2 * w));
  }
  return model;
}

const chance = (model: LinearModel, x: number[]) => 1 / (1 + Math.exp(-linearScore(model, x)));

/** Photos and drawn pictures weigh the same in total, whatever their counts. */
function fitDetector(photoSet: Sample[], drawnSet: Sample[]): LinearModel {
  const xs = [...photoSet, ...drawnSet].map((s) => s.x);
  const ys = [...photoSet.map(() => 0), ...drawnSet.map(() => 1)];
  return fitLogistic(xs, ys, (y) => (y ? photoSet.length / drawnSet.length : 1));
}

/**
 * The threshold: the chance at or above which a picture is "not a photo". A photo costs more to
 * misname than a chart (a class would be told a real animal is "a drawing"), so it sits above
 * all but the top 0.5% of the fitting photos' chances, and never below 0.5.
 */
function thresholdFor(model: LinearModel, photoSet: Sample[]): number {
  const chances = photoSet.map((s) => chance(model, s.x)).sort((a, b) => b - a);
  return Math.max(0.5, chances[Math.floor(photoSet.length * 0.005)]! + 1e-4);
}

const pct = (part: number, all: number) => `${part} of ${all} (${((100 * part) / all).toFixed(1)} %)`;

console.log(`${photos.length} photos, ${drawn.length} drawn pictures (${KINDS.map((k) => `${k} ${drawn.filter((s) => s.kind === k).length}`).join(', ')})\n`);

console.log('Each kind held out: the rule fitted on the photos and the other kinds, judged on the held-out kind.\n');
console.log('| held-out kind | called "not a photo" | photos wrongly called (fitted on) |\n| --- | --- | --- |');
for (const kind of KINDS) {
  const train = drawn.filter((s) => s.kind !== kind);
  const test = drawn.filter((s) => s.kind === kind);
  const model = fitDetector(photos, train);
  const threshold = thresholdFor(model, photos);
  const caught = test.filter((s) => chance(model, s.x) >= threshold).length;
  console.log(`| ${kind} | ${pct(caught, test.length)} | ${photos.filter((s) => chance(model, s.x) >= threshold).length} |`);
}

console.log('\nThe photos in five folds: each fifth judged by a rule fitted on the other four fifths and every drawn kind.\n');
let photoMisses = 0;
const wronglyCalled: string[] = [];
for (let fold = 0; fold < 5; fold++) {
  const test = photos.filter((_, i) => i % 5 === fold);
  const train = photos.filter((_, i) => i % 5 !== fold);
  const model = fitDetector(train, drawn);
  const threshold = thresholdFor(model, train);
  for (const s of test) if (chance(model, s.x) >= threshold) { photoMisses++; wronglyCalled.push(s.file); }
}
console.log(`Photos wrongly called "not a photo" (held out): ${pct(photoMisses, photos.length)}${wronglyCalled.length ? `: ${wronglyCalled.join(', ')}` : ''}`);

const detect = fitDetector(photos, drawn);
const threshold = thresholdFor(detect, photos);
console.log(`\nThe rule fitted on everything: not a photo when the chance is at least ${threshold.toFixed(3)}. Weights (per standard deviation):`);
FEATURE_NAMES.forEach((name, j) => console.log(`  ${name.padEnd(11)} ${detect.weights[j]!.toFixed(2)}`));
console.log(`  bias        ${detect.bias.toFixed(2)}`);
console.log(`Photos called "not a photo": ${pct(photos.filter((s) => chance(detect, s.x) >= threshold).length, photos.length)}; drawn pictures: ${pct(drawn.filter((s) => chance(detect, s.x) >= threshold).length, drawn.length)}`);

// The kind: one-against-the-rest models on the drawn pictures, a softmax over their scores.
const KIND_CONFIDENCE = Number(process.env.KIND_CONFIDENCE ?? 0.85);
const fitKinds = (set: Sample[]) => KINDS.map((kind) => ({
  kind: WORD_KIND[kind]!,
  model: fitLogistic(set.map((s) => s.k), set.map((s) => Number(s.kind === kind)), (y) => (y ? (set.length - set.filter((s) => s.kind === kind).length) / set.filter((s) => s.kind === kind).length : 1)),
}));
function nameKind(kinds: ReturnType<typeof fitKinds>, x: number[]): NotPhotoKind {
  if (x[FEATURE_NAMES.indexOf('edges')]! < MIN_DRAWN_EDGES) return 'graphic';
  const scores = kinds.map((k) => linearScore(k.model, x));
  const top = Math.max(...scores);
  const total = scores.reduce((s, v) => s + Math.exp(v - top), 0);
  return 1 / total >= KIND_CONFIDENCE ? kinds[scores.indexOf(top)]!.kind : 'graphic';
}
console.log('\nThe kind named, each fifth of the drawn pictures named by models fitted on the rest (rows: drawn kind; columns: words):\n');
const named: Record<string, Record<string, number>> = {};
for (let fold = 0; fold < 5; fold++) {
  const kinds = fitKinds(drawn.filter((_, i) => i % 5 !== fold));
  drawn.forEach((s, i) => {
    if (i % 5 !== fold) return;
    const word = nameKind(kinds, s.k);
    (named[s.kind] ??= {})[word] = (named[s.kind]![word] ?? 0) + 1;
  });
}
const columns = [...KINDS.map((k) => WORD_KIND[k]!), 'graphic'];
console.log(`| drawn | ${columns.join(' | ')} | right |\n| --- | ${columns.map(() => '---').join(' | ')} | --- |`);
for (const kind of KINDS) {
  const row = named[kind] ?? {};
  const all = Object.values(row).reduce((a, b) => a + b, 0);
  console.log(`| ${kind} | ${columns.map((c) => row[c] ?? 0).join(' | ')} | ${Math.round((100 * (row[WORD_KIND[kind]!] ?? 0)) / all)} % |`);
}

console.log('\nAs the engine that ran the eval answered (honest: "not a photo" of some kind, or "not sure"):\n');
console.log('| pictures | answered honestly | called "not a photo" |\n| --- | --- | --- |');
for (const kind of KINDS) {
  const group = drawn.filter((s) => s.kind === kind);
  console.log(`| ${kind} | ${pct(group.filter((s) => s.honest).length, group.length)} | ${group.filter((s) => s.notPhoto).length} |`);
}
console.log(`| dev photos | (wrongly "not a photo": ${pct(photos.filter((s) => s.notPhoto).length, photos.length)}) | ${photos.filter((s) => s.notPhoto).map((s) => s.file).join(', ')} |`);
if (otherFile) {
  console.log('\nPictures not drawn for the set (never fitted on), as the engine answered them:\n');
  for (const s of load(otherFile, 'other')) console.log(`  ${s.file}: ${s.honest ? 'honest' : 'NAMED AS A THING'} (${s.said})`);
}

if (process.argv.includes('--write')) {
  const round = (values: number[]) => values.map((v) => Math.round(v * 10000) / 10000);
  const pack = (m: LinearModel) => ({ mean: round(m.mean), scale: round(m.scale), weights: round(m.weights), bias: round([m.bias])[0]! });
  const model = { threshold: Math.round(threshold * 1000) / 1000, kindConfidence: KIND_CONFIDENCE, detect: pack(detect), kinds: fitKinds(drawn).map((k) => ({ kind: k.kind, model: pack(k.model) })) };
  writeFileSync('src/offscreen/picture-kind-weights.ts', `/**
 * Written by \`npm run calibrate:not-photos -- … --write\` (scripts/calibrate-not-photos.ts): the
 * fitted weights of picture-kind.ts's two models. Do not edit by hand; fit again instead.
 */
import type { LinearModel } from './linear-model';
import type { NotPhotoKind } from '../shared/types';

export const NOT_PHOTO_MODEL: { threshold: number; kindConfidence: number; detect: LinearModel; kinds: { kind: NotPhotoKind; model: LinearModel }[] } =
  ${JSON.stringify(model)};
`);
  console.log('\nwrote src/offscreen/picture-kind-weights.ts');
}
