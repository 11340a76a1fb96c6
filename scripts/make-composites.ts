/**
 * npm run make-composites -- --images DIR --out OUT [--side 320]
 * Builds a set of wide and tall pictures from a labelled folder: each photo is scaled to the
 * canvas's short side and placed at the left, centre or right of a 3:1 canvas, or the top or
 * bottom of a 1:3 one (in turn), the rest filled with a neutral grey texture (--filler). Writes OUT/*.jpg
 * and OUT/labels.csv in the same format (file,wnid,class_index), so `npm run eval` reads it.
 * Drawing and JPEG encoding happen in headless Chromium's canvas (Debian's chromium).
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import puppeteer from 'puppeteer-core';
import { chromiumPath, QUIET_CHROMIUM } from '../harness/chromium';

const LAYOUTS = ['wide-left', 'wide-centre', 'wide-right', 'tall-top', 'tall-bottom'] as const;
type Layout = (typeof LAYOUTS)[number];

const FILLERS = ['mottled', 'grain', 'plain'] as const;
const { values } = parseArgs({
  options: { images: { type: 'string' }, out: { type: 'string' }, side: { type: 'string', default: '320' }, filler: { type: 'string', default: 'mottled' } },
});
if (!values.images || !values.out || !(FILLERS as readonly string[]).includes(values.filler!)) {
  console.error(`usage: npm run make-composites -- --images DIR --out OUT [--side 320] [--filler ${FILLERS.join('|')}]`);
  process.exit(2);
}
const source = resolve(values.images);
const out = resolve(values.out);
const side = Number(values.side);
if (!(side >= 64 && side <= 2048)) {
  console.error(`--side must be 64..2048 pixels, not ${values.side}`);
  process.exit(2);
}

let csv: string;
try {
  csv = await readFile(join(source, 'labels.csv'), 'utf8');
} catch {
  console.error(`no labels.csv in ${source} (expected file,wnid,class_index)`);
  process.exit(2);
}
const rows = csv.split(/\r?\n/).slice(1).filter((line) => line.trim()).map((line) => line.split(','));
await mkdir(out, { recursive: true });

const browser = await puppeteer.launch({
  executablePath: chromiumPath(),
  headless: true,
  args: QUIET_CHROMIUM,
  ignoreDefaultArgs: ['--headless'],
});
const outRows = ['file,wnid,class_index'];
try {
  const page = await browser.newPage();
  // tsx names inner functions with a helper that the page does not have.
  await page.evaluate('globalThis.__name = (f) => f');
  for (const [index, [file, wnid, classIndex]] of rows.entries()) {
    const layout: Layout = LAYOUTS[index % LAYOUTS.length]!;
    const bytes = await readFile(join(source, file!));
    const jpeg = await page.evaluate(compose, bytes.toString('base64'), layout, side, index + 1, values.filler!);
    const name = `${basename(file!, extname(file!))}-${layout}.jpg`;
    await writeFile(join(out, name), Buffer.from(jpeg, 'base64'));
    outRows.push(`${name},${wnid},${classIndex}`);
  }
} finally {
  await browser.close();
}
await writeFile(join(out, 'labels.csv'), `${outRows.join('\n')}\n`);
console.log(`${rows.length} composites in ${out}`);

/** Runs in the page: draws the composite and returns it as base64 JPEG. */
async function compose(b64: string, layout: string, short: number, seed: number, filler: string): Promise<string> {
  const binary = atob(b64);
  const data = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) data[i] = binary.charCodeAt(i);
  const photo = await createImageBitmap(new Blob([data]));
  const wide = layout.startsWith('wide');
  const width = wide ? short * 3 : short;
  const height = wide ? short : short * 3;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d')!;

  // Neutral texture, seeded (the same set every run). mottled: mid grey, a coarse value noise and a
  // fine grain; grain: a strong fine grain only (cloth-like); plain: flat mid grey.
  let state = seed * 2654435761 >>> 0;
  const random = () => ((state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32);
  const cell = 24;
  const cols = Math.ceil(width / cell) + 2;
  const coarse = Array.from({ length: cols * (Math.ceil(height / cell) + 2) }, () => random() * 2 - 1);
  const image = context.createImageData(width, height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const gx = x / cell;
      const gy = y / cell;
      const x0 = Math.floor(gx);
      const y0 = Math.floor(gy);
      const fx = gx - x0;
      const fy = gy - y0;
      const at = (cx: number, cy: number) => coarse[cy * cols + cx]!;
      const smooth = (at(x0, y0) * (1 - fx) + at(x0 + 1, y0) * fx) * (1 - fy) + (at(x0, y0 + 1) * (1 - fx) + at(x0 + 1, y0 + 1) * fx) * fy;
      const value = filler === 'plain' ? 128 : filler === 'grain' ? 128 + (random() * 2 - 1) * 40 : 128 + smooth * 14 + (random() * 2 - 1) * 10;
      const o = (y * width + x) * 4;
      image.data[o] = value + 3;
      image.data[o + 1] = value;
      image.data[o + 2] = value - 2;
      image.data[o + 3] = 255;
    }
  }
  context.putImageData(image, 0, 0);

  // The photo, scaled so its side across the canvas equals the canvas's short side.
  const scale = wide ? short / photo.height : short / photo.width;
  const w = Math.min(width, Math.round(photo.width * scale));
  const h = Math.min(height, Math.round(photo.height * scale));
  const place = layout.split('-')[1];
  const x = !wide ? 0 : place === 'left' ? 0 : place === 'right' ? width - w : Math.round((width - w) / 2);
  const y = wide ? 0 : place === 'top' ? 0 : height - h;
  context.imageSmoothingQuality = 'high';
  context.drawImage(photo, x, y, w, h);
  const blob = await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 });
  const bytes = new Uint8Array(await blob.arrayBuffer());
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
