/**
 * npm run detect -- --images DIR --out FILE [--backend wasm|webgl|cpu|auto]
 * Runs Glimpse's own detection path through the built extension (the follow-up a right-click
 * takes: service worker -> engine) on every picture in DIR, in file-name order, and writes one
 * JSON line per picture to FILE: {"image", "width", "height", "objects": [{"name", "coco", "score",
 * "box": [x0, y0, x1, y1]}], "ms"} (boxes in the picture's own pixels). Prints the last line
 * `detect: images=N objects=M ms_per_image=X backend=B`.
 */
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { BackendPreference } from '../src/shared/types';
import { startEngineSession } from '../harness/engine-session';

const USAGE = 'usage: npm run detect -- --images DIR --out FILE [--backend wasm|webgl|cpu|auto]';
const { values } = parseArgs({ options: { images: { type: 'string' }, out: { type: 'string' }, backend: { type: 'string', default: 'auto' } } });
const backend = values.backend as BackendPreference;
if (!values.images || !values.out || !['auto', 'webgl', 'wasm', 'cpu'].includes(backend)) {
  console.error(USAGE);
  process.exit(2);
}
const PICTURE = /\.(jpe?g|png|gif|webp|avif|bmp|ico|svg|tiff?)$/i;
const dir = resolve(values.images);
const files = (await readdir(dir)).filter((name) => PICTURE.test(name)).sort();

const session = await startEngineSession();
const lines: string[] = [];
let objects = 0;
let totalMs = 0;
let usedBackend = '';
let failed = 0;
try {
  await session.setBackend(backend);
  await session.warm();
  for (const file of files) {
    try {
      const detection = await session.detect(await readFile(join(dir, file)));
      objects += detection.objects.length;
      totalMs += detection.totalMs;
      usedBackend = detection.backend;
      lines.push(JSON.stringify({ image: file, width: detection.width, height: detection.height, objects: detection.objects, ms: detection.totalMs, steps: detection.steps }));
    } catch (error) {
      console.error(`${file}: ${(error as Error).message ?? String(error)}`);
      failed++;
    }
  }
} finally {
  await session.close();
}
await writeFile(resolve(values.out), lines.length ? `${lines.join('\n')}\n` : '');
const done = files.length - failed;
console.log(`detect: images=${done} objects=${objects} ms_per_image=${done ? (totalMs / done).toFixed(1) : '0'} backend=${usedBackend}`);
process.exit(failed > 0 ? 1 : 0);
