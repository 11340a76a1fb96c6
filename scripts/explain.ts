/**
 * npm run explain -- --image FILE --out heatmap.png [--backend wasm|webgl|cpu]
 * npm run explain -- --images DIR --out DIR [--backend ...]
 * Runs Glimpse's own explanation through the built extension (the path a right-click takes)
 * and writes the raw heat-map as a greyscale PNG at the picture's aspect ratio (white = mattered
 * most), then prints `label=<name> p=<probability> ms=<milliseconds>` for each picture (for a
 * folder: one such line per picture in file-name order, and OUT/explanations.csv beside the PNGs).
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BackendPreference, Explanation } from '../src/shared/types';
import { startEngineSession } from '../harness/engine-session';
import { encodePng } from './png';

const USAGE = 'usage: npm run explain -- (--image FILE --out heatmap.png | --images DIR --out DIR) [--backend wasm|webgl|cpu|auto]';
const { values } = parseArgs({
  options: { image: { type: 'string' }, images: { type: 'string' }, out: { type: 'string' }, backend: { type: 'string', default: 'auto' } },
});
const backend = values.backend as BackendPreference;
if (!values.out || Boolean(values.image) === Boolean(values.images) || !['auto', 'webgl', 'wasm', 'cpu'].includes(backend)) {
  console.error(USAGE);
  process.exit(2);
}
/** Longest side of the written PNG: the picture's own size up to this. */
const MAX_SIDE = 1024;
const PICTURE = /\.(jpe?g|png|gif|webp|avif|bmp|ico|svg|tiff?)$/i;

let jobs: { file: string; out: string }[];
if (values.image) {
  jobs = [{ file: resolve(values.image), out: resolve(values.out) }];
} else {
  const dir = resolve(values.images!);
  await mkdir(resolve(values.out), { recursive: true });
  jobs = (await readdir(dir)).filter((name) => PICTURE.test(name)).sort()
    .map((name) => ({ file: join(dir, name), out: join(resolve(values.out!), `${basename(name, extname(name))}.png`) }));
}

/** The explanation's grid, resampled (cell centres, bilinear) to the picture's aspect ratio. */
function heatmapPixels(explanation: Explanation, width: number, height: number): { pixels: Uint8Array; width: number; height: number } {
  const scale = Math.min(1, MAX_SIDE / Math.max(width, height));
  const w = Math.max(1, Math.round(width * scale));
  const h = Math.max(1, Math.round(height * scale));
  const cells = Float32Array.from(Buffer.from(explanation.cells, 'base64'));
  const grid = { width: explanation.width, height: explanation.height };
  const pixels = new Uint8Array(w * h);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      pixels[y * w + x] = Math.round(bilinear(cells, grid.width, grid.height, (x + 0.5) / w, (y + 0.5) / h));
    }
  }
  return { pixels, width: w, height: h };
}

function bilinear(cells: Float32Array, gw: number, gh: number, u: number, v: number): number {
  const gx = Math.min(gw - 1, Math.max(0, u * gw - 0.5));
  const gy = Math.min(gh - 1, Math.max(0, v * gh - 0.5));
  const x0 = Math.floor(gx);
  const y0 = Math.floor(gy);
  const x1 = Math.min(gw - 1, x0 + 1);
  const y1 = Math.min(gh - 1, y0 + 1);
  const at = (x: number, y: number) => cells[y * gw + x]!;
  const fx = gx - x0;
  const fy = gy - y0;
  return (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
}

const session = await startEngineSession();
let failed = 0;
const csv = ['file,png,label,p,ms'];
try {
  await session.setBackend(backend);
  await session.warm();
  for (const job of jobs) {
    let bytes: Buffer;
    try {
      bytes = await readFile(job.file);
    } catch (error) {
      console.error(`${job.file}: cannot read (${(error as Error).message})`);
      failed++;
      continue;
    }
    try {
      const result = await session.classify(bytes);
      const top = result.predictions[0];
      if (!result.explanation || !top) throw new Error('the engine gave no explanation');
      const map = heatmapPixels(result.explanation, result.width, result.height);
      await writeFile(job.out, encodePng(map.pixels, map.width, map.height, 1));
      const ms = Math.round(result.totalMs);
      console.log(`label=${top.label} p=${top.probability.toFixed(4)} ms=${ms}`);
      csv.push([basename(job.file), basename(job.out), JSON.stringify(top.label), top.probability.toFixed(4), ms].join(','));
    } catch (error) {
      console.error(`${job.file}: ${(error as Error).message ?? String(error)}`);
      failed++;
    }
  }
} finally {
  await session.close();
}
if (values.images) await writeFile(join(resolve(values.out), 'explanations.csv'), `${csv.join('\n')}\n`);
process.exit(failed > 0 ? 1 : 0);
