#!/usr/bin/env node
// Fills public/model/ with MobileNetV2 1.0/224 (TF.js graph model) and verifies it.
// Source order: ../shared/model/mobilenet_v2_1.0_224 (checked against its SHA256SUMS),
// else Google's official TF.js model (checked for shape: model.json parses and every
// shard has the byte length its weights manifest implies). Weights are never committed.
// Then public/model/detector/ with the CenterNet detector (COCO 80, see docs/MODELS.md): from
// ../shared/model/centernet-mobilenetv3-512 (checked against its SHA256SUMS), else from the npm
// package @vladmandic/human when installed; either way checked against the sums pinned below.
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile, copyFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const target = join(root, 'public', 'model');
const sharedModel = resolve(root, process.env.GLIMPSE_SHARED_MODEL ?? '../shared/model/mobilenet_v2_1.0_224');
const OFFICIAL_BASE = 'https://tfhub.dev/google/imagenet/mobilenet_v2_100_224/classification/2';
const OFFICIAL_QUERY = '?tfjs-format=file';
const detectorTarget = join(target, 'detector');
const sharedDetector = resolve(root, process.env.GLIMPSE_SHARED_DETECTOR ?? '../shared/model/centernet-mobilenetv3-512');
const npmDetector = join(root, 'node_modules', '@vladmandic', 'human', 'models');
/** The detector's files as published in @vladmandic/human 3.3.6 (and copied unchanged into ../shared). */
const DETECTOR_SUMS = [
  { hash: 'bfb942eaacc5becf738d536663bc4580a0ae9e560722306e6d4dd7fe4a09de05', file: 'centernet.json' },
  { hash: '1b635a15009071f506f9f2b3519b31c072c534888989f30d269ffd44734ef7ef', file: 'centernet.bin' },
];
const BYTES_PER_DTYPE = { float32: 4, int32: 4, uint8: 1, bool: 1, float16: 2 };

const sha256 = (buf) => createHash('sha256').update(buf).digest('hex');
const log = (msg) => console.log(`[model] ${msg}`);

function parseSums(text) {
  return text
    .split('\n')
    .map((line) => line.trim().match(/^([0-9a-f]{64})\s+\*?(.+)$/))
    .filter(Boolean)
    .map(([, hash, file]) => ({ hash, file }));
}

async function verifyAgainstSums(dir, sums) {
  for (const { hash, file } of sums) {
    const path = join(dir, file);
    if (!existsSync(path)) return `${file} is missing`;
    const actual = sha256(await readFile(path));
    if (actual !== hash) return `${file} has sha256 ${actual}, expected ${hash}`;
  }
  return null;
}

/** Checks a TF.js graph model's structure: model.json parses and each shard group has the expected size. */
function validateModelShape(modelJson, shardSizes) {
  if (modelJson.format !== 'graph-model') return `model.json format is ${modelJson.format}, expected graph-model`;
  if (!modelJson.modelTopology || !Array.isArray(modelJson.weightsManifest)) return 'model.json lacks a topology or weights manifest';
  for (const group of modelJson.weightsManifest) {
    const expected = group.weights.reduce((sum, w) => {
      if (w.quantization) return sum + w.shape.reduce((a, b) => a * b, 1) * BYTES_PER_DTYPE[w.quantization.dtype];
      return sum + w.shape.reduce((a, b) => a * b, 1) * BYTES_PER_DTYPE[w.dtype];
    }, 0);
    let actual = 0;
    for (const path of group.paths) {
      if (!(path in shardSizes)) return `shard ${path} is missing`;
      actual += shardSizes[path];
    }
    if (actual !== expected) return `shards ${group.paths.join(', ')} hold ${actual} bytes, the manifest needs ${expected}`;
  }
  return null;
}

async function alreadyInPlace() {
  const sumsPath = join(target, 'SHA256SUMS');
  if (!existsSync(sumsPath)) return false;
  const sums = parseSums(await readFile(sumsPath, 'utf8'));
  return sums.length > 0 && (await verifyAgainstSums(target, sums)) === null;
}

async function copyFromShared() {
  const sumsText = await readFile(join(sharedModel, 'SHA256SUMS'), 'utf8');
  const sums = parseSums(sumsText);
  const problem = await verifyAgainstSums(sharedModel, sums);
  if (problem) throw new Error(`the shared model at ${sharedModel} failed verification: ${problem}`);
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  for (const { file } of sums) await copyFile(join(sharedModel, file), join(target, file));
  await writeFile(join(target, 'SHA256SUMS'), sumsText);
  const afterCopy = await verifyAgainstSums(target, sums);
  if (afterCopy) throw new Error(`copy failed verification: ${afterCopy}`);
  log(`copied ${sums.length} files from the shared model and verified their sha256`);
}

/** The detector's sums agree with the pinned ones (a shared folder's SHA256SUMS could be anything). */
function detectorSumsProblem(sums) {
  for (const pinned of DETECTOR_SUMS) {
    const listed = sums.find((s) => s.file === pinned.file);
    if (!listed) return `${pinned.file} is not listed`;
    if (listed.hash !== pinned.hash) return `${pinned.file} is listed with sha256 ${listed.hash}, expected ${pinned.hash}`;
  }
  return null;
}

/** Copies the pinned detector files from `source` into public/model/detector and verifies both ends. */
async function copyDetector(source) {
  const problem = await verifyAgainstSums(source, DETECTOR_SUMS);
  if (problem) throw new Error(`the detector at ${source} failed verification: ${problem}`);
  await rm(detectorTarget, { recursive: true, force: true });
  await mkdir(detectorTarget, { recursive: true });
  for (const { file } of DETECTOR_SUMS) await copyFile(join(source, file), join(detectorTarget, file));
  await writeFile(join(detectorTarget, 'SHA256SUMS'), DETECTOR_SUMS.map(({ hash, file }) => `${hash}  ${file}`).join('\n') + '\n');
  const afterCopy = await verifyAgainstSums(detectorTarget, DETECTOR_SUMS);
  if (afterCopy) throw new Error(`detector copy failed verification: ${afterCopy}`);
  log(`copied the detector from ${source} and verified its sha256`);
}

async function ensureDetector() {
  if ((await verifyAgainstSums(detectorTarget, DETECTOR_SUMS)) === null) {
    log('public/model/detector is in place and verified');
    return;
  }
  if (existsSync(join(sharedDetector, 'SHA256SUMS'))) {
    const problem = detectorSumsProblem(parseSums(await readFile(join(sharedDetector, 'SHA256SUMS'), 'utf8')));
    if (problem) throw new Error(`the shared detector's SHA256SUMS: ${problem}`);
    await copyDetector(sharedDetector);
    return;
  }
  if (existsSync(join(npmDetector, 'centernet.json'))) {
    await copyDetector(npmDetector);
    return;
  }
  console.error('[model] could not get the detector: place it (centernet.json, centernet.bin, SHA256SUMS) in ../shared/model/centernet-mobilenetv3-512,');
  console.error('[model] set GLIMPSE_SHARED_DETECTOR to a folder holding it, or install @vladmandic/human@3.3.6 (its models/ folder ships it).');
  process.exit(1);
}

async function fetchBytes(url) {
  const response = await fetch(url, { redirect: 'follow', signal: AbortSignal.timeout(120_000) });
  if (!response.ok) throw new Error(`GET ${url} answered ${response.status}`);
  return Buffer.from(await response.arrayBuffer());
}

async function downloadOfficial() {
  log(`downloading the official model from ${OFFICIAL_BASE}`);
  const modelBytes = await fetchBytes(`${OFFICIAL_BASE}/model.json${OFFICIAL_QUERY}`);
  const modelJson = JSON.parse(modelBytes.toString('utf8'));
  const shards = {};
  for (const group of modelJson.weightsManifest ?? []) {
    for (const path of group.paths) shards[path] = await fetchBytes(`${OFFICIAL_BASE}/${path}${OFFICIAL_QUERY}`);
  }
  const sizes = Object.fromEntries(Object.entries(shards).map(([k, v]) => [k, v.length]));
  const problem = validateModelShape(modelJson, sizes);
  if (problem) throw new Error(`the downloaded model is not valid: ${problem}`);
  await rm(target, { recursive: true, force: true });
  await mkdir(target, { recursive: true });
  const files = { 'model.json': modelBytes, ...shards };
  const sums = [];
  for (const [name, bytes] of Object.entries(files)) {
    await writeFile(join(target, name), bytes);
    sums.push(`${sha256(bytes)}  ${name}`);
  }
  await writeFile(join(target, 'SHA256SUMS'), `${sums.join('\n')}\n`);
  log(`downloaded and validated ${Object.keys(shards).length} shards`);
}

async function main() {
  await ensureClassifier();
  await ensureDetector();
}

async function ensureClassifier() {
  if (await alreadyInPlace()) {
    log('public/model is in place and verified');
    return;
  }
  if (existsSync(join(sharedModel, 'model.json'))) {
    await copyFromShared();
    return;
  }
  try {
    await downloadOfficial();
  } catch (error) {
    console.error(`[model] could not get the model: ${error.message}`);
    console.error(
      '[model] Either place the MobileNetV2 TF.js model (model.json, shards, SHA256SUMS) in ../shared/model/mobilenet_v2_1.0_224,\n' +
        '[model] set GLIMPSE_SHARED_MODEL to a folder holding it, or run this step again with network access.',
    );
    process.exit(1);
  }
}

// Exported for unit tests.
export { parseSums, validateModelShape, detectorSumsProblem, DETECTOR_SUMS };

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) await main();
