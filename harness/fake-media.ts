/**
 * Fake cameras and videos made from the dev photos, for the live tests: the photos' pixels
 * (decoded and fitted to a frame by a plain headless Chromium), a Y4M file for Chromium's fake
 * camera (--use-file-for-fake-video-capture) showing each photo in turn with a little sensor
 * noise and shake, as a hand-held scene has.
 */
import { readFileSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { capitalise } from '../src/shared/answer-text';
import { simpleName } from '../src/shared/labels';
import { chromiumPath, QUIET_CHROMIUM } from './chromium';

export const DEV_PHOTOS = join(process.cwd(), '../shared/eval/imagenet-samples-dev');

export interface Scene {
  file: string;
  classIndex: number;
  /** What the label should say: the class's everyday name, as a sure answer reads. */
  name: string;
}

/**
 * `count` dev photos the model names surely (top-1 right at 90 % or more in the calibration run,
 * docs/calibration/dev-wasm.jsonl), spread over the set, each a different thing.
 */
export function confidentScenes(count: number, offset = 0): Scene[] {
  const records = readFileSync(join(process.cwd(), 'docs/calibration/dev-wasm.jsonl'), 'utf8').split('\n').filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { file: string; expected: number; top1: boolean; probability: number });
  const sure = records.filter((r) => r.top1 && r.probability >= 0.9);
  const step = Math.max(1, Math.floor(sure.length / count));
  return Array.from({ length: count }, (_, i) => sure[(offset + i * step) % sure.length]!)
    .map((r) => ({ file: r.file, classIndex: r.expected, name: capitalise(simpleName(r.expected) ?? '') }));
}

/** Each photo scaled to cover a `width` x `height` frame (centred), as RGBA. */
export async function photoFrames(files: string[], width: number, height: number): Promise<Buffer[]> {
  const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: QUIET_CHROMIUM, ignoreDefaultArgs: ['--headless'], protocolTimeout: 120_000 });
  try {
    const page = await browser.newPage();
    const out: Buffer[] = [];
    for (const file of files) {
      const dataUrl = `data:image/jpeg;base64,${(await readFile(join(DEV_PHOTOS, file))).toString('base64')}`;
      const base64 = await page.evaluate(async (url: string, w: number, h: number) => {
        const image = new Image();
        image.src = url;
        await image.decode();
        const canvas = document.createElement('canvas');
        canvas.width = w;
        canvas.height = h;
        const context = canvas.getContext('2d')!;
        const scale = Math.max(w / image.naturalWidth, h / image.naturalHeight);
        const dw = image.naturalWidth * scale;
        const dh = image.naturalHeight * scale;
        context.drawImage(image, (w - dw) / 2, (h - dh) / 2, dw, dh);
        const bytes = context.getImageData(0, 0, w, h).data;
        let binary = '';
        for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
        return btoa(binary);
      }, dataUrl, width, height);
      out.push(Buffer.from(base64, 'base64'));
    }
    return out;
  } finally {
    await browser.close();
  }
}

/** A small deterministic random source (tests repeat exactly). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 2 ** 32;
  };
}

/** One camera frame of a photo: shifted by up to `shake` pixels, with sensor noise of up to ±`noise` levels. */
export function shakenFrame(rgba: Buffer, width: number, height: number, random: () => number, shake = 3, noise = 8): Buffer {
  const dx = Math.round((random() * 2 - 1) * shake);
  const dy = Math.round((random() * 2 - 1) * shake);
  const out = Buffer.alloc(rgba.length);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(height - 1, Math.max(0, y + dy));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(width - 1, Math.max(0, x + dx));
      const from = (sy * width + sx) * 4;
      const to = (y * width + x) * 4;
      const grain = (random() * 2 - 1) * noise;
      for (let c = 0; c < 3; c++) out[to + c] = Math.max(0, Math.min(255, rgba[from + c]! + grain));
      out[to + 3] = 255;
    }
  }
  return out;
}

/** RGBA -> one I420 frame (BT.601, studio range: what Y4M's C420 carries). */
export function i420(rgba: Buffer, width: number, height: number): Buffer {
  const ySize = width * height;
  const cw = width >> 1;
  const ch = height >> 1;
  const out = Buffer.alloc(ySize + 2 * cw * ch);
  for (let i = 0; i < ySize; i++) {
    const r = rgba[i * 4]!, g = rgba[i * 4 + 1]!, b = rgba[i * 4 + 2]!;
    out[i] = Math.round(16 + (65.738 * r + 129.057 * g + 25.064 * b) / 256);
  }
  for (let y = 0; y < ch; y++) {
    for (let x = 0; x < cw; x++) {
      let r = 0, g = 0, b = 0;
      for (const [ox, oy] of [[0, 0], [1, 0], [0, 1], [1, 1]] as const) {
        const p = ((2 * y + oy) * width + 2 * x + ox) * 4;
        r += rgba[p]!; g += rgba[p + 1]!; b += rgba[p + 2]!;
      }
      r /= 4; g /= 4; b /= 4;
      out[ySize + y * cw + x] = Math.round(128 + (-37.945 * r - 74.494 * g + 112.439 * b) / 256);
      out[ySize + cw * ch + y * cw + x] = Math.round(128 + (112.439 * r - 94.154 * g - 18.285 * b) / 256);
    }
  }
  return out;
}

export interface Y4mOptions {
  width: number;
  height: number;
  fps: number;
  /** How long each photo is shown. */
  secondsPerPhoto: number;
  seed?: number;
}

/** Writes a Y4M that shows each photo in turn (then Chromium loops it); returns the frames per photo. */
export async function writeY4m(path: string, photos: Buffer[], { width, height, fps, secondsPerPhoto, seed = 7 }: Y4mOptions): Promise<number> {
  const random = seeded(seed);
  const perPhoto = Math.round(fps * secondsPerPhoto);
  const parts: Buffer[] = [Buffer.from(`YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`)];
  for (const photo of photos) {
    for (let i = 0; i < perPhoto; i++) parts.push(Buffer.from('FRAME\n'), i420(shakenFrame(photo, width, height, random), width, height));
  }
  await writeFile(path, Buffer.concat(parts));
  return perPhoto;
}

/** Chromium's flags for a fake camera playing `y4m`, its permission prompt answered yes. */
export const fakeCameraFlags = (y4m: string): string[] => [
  '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream', `--use-file-for-fake-video-capture=${y4m}`,
];

/** The runs of one label in the order shown: [name, answers] pairs. */
export function runsOf(labels: string[]): [string, number][] {
  const runs: [string, number][] = [];
  for (const label of labels) {
    const last = runs[runs.length - 1];
    if (last && last[0] === label) last[1]++;
    else runs.push([label, 1]);
  }
  return runs;
}
