/**
 * npm run measure-smoothing [-- --photos 8 --frames 25 --rate 10 --pick first|unsure --shake 1]
 * The smoothing trade-off, measured on the real model: each of the first `photos` dev photos (in
 * file order, sure and unsure alike) is shown as `frames` hand-held camera frames (random shift,
 * zoom, brightness and sensor noise, made in the page), each frame's raw answer taken from the
 * engine's live path (classify-frame). The answers are then replayed in order, `rate` a second,
 * through AnswerSmoother with each setting: how long the label takes to name a new scene (the
 * scene's most frequent raw answer), and how often it changes during a still scene.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { AnswerSmoother, type SmoothingSettings } from '../src/shared/smoothing';
import type { FrameAnswer, Outcome, Prediction } from '../src/shared/types';
import { launchWithExtension } from '../harness/chromium';
import { ensureBuilt } from '../harness/engine-session';
import { DEV_PHOTOS } from '../harness/fake-media';

const { values } = parseArgs({ options: {
  photos: { type: 'string', default: '8' }, frames: { type: 'string', default: '25' }, rate: { type: 'string', default: '10' },
  /** 'unsure': photos the model is unsure of (top answer 30-70 % in docs/calibration/dev-wasm.jsonl), where frames disagree most. */
  pick: { type: 'string', default: 'first' },
  /** How hard the camera shakes: zoom and shift fractions, grain levels. */
  shake: { type: 'string', default: '1' },
} });
const shake = Number(values.shake);
const photoCount = Number(values.photos);
const framesPerScene = Number(values.frames);
const intervalMs = 1000 / Number(values.rate);

ensureBuilt();
const unsure = (await readFile('docs/calibration/dev-wasm.jsonl', 'utf8')).trim().split('\n')
  .map((line) => JSON.parse(line) as { file: string; probability: number })
  .filter((r) => r.probability >= 0.3 && r.probability < 0.7).map((r) => r.file);
const files = (values.pick === 'unsure' ? unsure : (await readdir(DEV_PHOTOS)).filter((f) => /\.jpe?g$/i.test(f)).sort()).slice(0, photoCount);
const ext = await launchWithExtension();
const scenes: Prediction[][][] = [];
try {
  const page = await ext.browser.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
  await page.evaluate('globalThis.__name = (f) => f');
  for (const [n, file] of files.entries()) {
    const dataUrl = `data:image/jpeg;base64,${(await readFile(join(DEV_PHOTOS, file))).toString('base64')}`;
    await page.evaluate(async (url: string) => {
      const image = new Image();
      image.src = url;
      await image.decode();
      (globalThis as unknown as { scene: HTMLImageElement }).scene = image;
    }, dataUrl);
    const answers: Outcome<FrameAnswer>[] = [];
    // One frame per call: a loaded machine may take seconds a frame.
    for (let i = 0; i < framesPerScene; i++) {
      answers.push(await page.evaluate(async (seed: number, strength: number) => {
        let state = seed;
        const random = () => ((state = (state * 1664525 + 1013904223) >>> 0) / 2 ** 32);
        for (let warm = 0; warm < 3; warm++) random();
        const image = (globalThis as unknown as { scene: HTMLImageElement }).scene;
        const canvas = new OffscreenCanvas(224, 224);
        const context = canvas.getContext('2d', { willReadFrequently: true })!;
        // A hand-held camera: the centred square, zoomed 0-15 %, moved up to 5 % of it, a little lighter or darker, grainy.
        const side = Math.min(image.naturalWidth, image.naturalHeight) * (1 - random() * 0.15 * strength);
        const x = (image.naturalWidth - side) / 2 + (random() * 2 - 1) * side * 0.05 * strength;
        const y = (image.naturalHeight - side) / 2 + (random() * 2 - 1) * side * 0.05 * strength;
        context.filter = `brightness(${1 + (random() * 2 - 1) * 0.1 * strength})`;
        context.drawImage(image, x, y, side, side, 0, 0, 224, 224);
        const pixels = context.getImageData(0, 0, 224, 224);
        for (let p = 0; p < pixels.data.length; p += 4) {
          const grain = (random() * 2 - 1) * 8 * strength;
          for (let c = 0; c < 3; c++) pixels.data[p + c] = pixels.data[p + c]! + grain;
        }
        return chrome.runtime.sendMessage({ glimpse: 1, to: 'background', type: 'classify-frame', payload: { pixels: pixels.data.buffer, width: 224, height: 224 } });
      }, 1000 * (n + 1) + i, shake));
    }
    scenes.push(answers.map((a) => {
      if (!a.ok) throw new Error(`engine: ${a.error.code} ${a.error.detail ?? ''}`);
      return a.value.predictions;
    }));
    console.error(`[smoothing] ${file}: ${answers.length} frames`);
  }
} finally {
  await ext.close();
}

/** The scene's own answer: its most frequent raw top-1. */
const sceneClass = (frames: Prediction[][]): number => {
  const counts = new Map<number, number>();
  for (const frame of frames) counts.set(frame[0]!.classIndex, (counts.get(frame[0]!.classIndex) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1])[0]![0];
};

interface Result { followMs: number; missed: number; changesPerMinute: number }

function replay(settings: SmoothingSettings): Result {
  const smoother = new AnswerSmoother(settings);
  let t = 0;
  const follows: number[] = [];
  let missed = 0;
  let stillChanges = 0;
  let stillMs = 0;
  let shown: number | undefined;
  for (const frames of scenes) {
    const target = sceneClass(frames);
    const start = t;
    let followedAt: number | undefined;
    for (const frame of frames) {
      const top = smoother.push({ predictions: frame }, t).predictions[0]!.classIndex;
      if (followedAt !== undefined && top !== shown) stillChanges++;
      if (followedAt === undefined && top === target) followedAt = t;
      shown = top;
      t += intervalMs;
    }
    if (followedAt === undefined) missed++;
    else {
      follows.push(followedAt - start);
      stillMs += t - followedAt;
    }
  }
  // The first scene's first answer is no change of scene.
  const changes = follows.slice(1);
  return { followMs: changes.reduce((a, b) => a + b, 0) / Math.max(1, changes.length), missed, changesPerMinute: (stillChanges / Math.max(1, stillMs)) * 60_000 };
}

const rawFlips = scenes.reduce((sum, frames) => sum + frames.filter((f, i) => i > 0 && f[0]!.classIndex !== frames[i - 1]![0]!.classIndex).length, 0);
console.log(`${scenes.length} scenes (${values.pick} photos, shake x${shake}) x ${framesPerScene} frames, replayed at ${values.rate} answers/s; raw top-1 flips between frames: ${rawFlips}`);
console.log('time constant ms | margin | mean time to name a new scene ms | scenes never named | label changes per minute of still scene');
console.log('--- | --- | --- | --- | ---');
for (const timeConstantMs of [0, 150, 300, 600, 1000]) {
  for (const margin of [0, 0.1, 0.2]) {
    const r = replay({ timeConstantMs, margin });
    console.log(`${timeConstantMs} | ${margin} | ${r.followMs.toFixed(0)} | ${r.missed} | ${r.changesPerMinute.toFixed(1)}`);
  }
}
