/**
 * npx tsx scripts/make-not-photo-set.ts [--per-kind N] [--first-seed S] [--out DIR]
 * Draws the calibration set of pictures that are not photos of a thing (scripts/not-photos/draw.ts:
 * charts, diagrams, drawings, pages of text, app screens, maps, tables; many sizes, palettes,
 * fonts, PNG and JPEG) in headless Chromium, into DIR (default .tmp/not-photo-set, git-ignored)
 * with a labels.csv whose class_index is -1 and whose wnid column names the kind, so
 * `npm run eval -- --images DIR` measures the engine on them. Deterministic: the same seeds draw
 * the same pictures (fonts and the browser's rasteriser aside).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import puppeteer from 'puppeteer-core';
import { chromiumPath, QUIET_CHROMIUM } from '../harness/chromium';
import { KINDS } from './not-photos/draw';

const { values } = parseArgs({
  options: { 'per-kind': { type: 'string', default: '40' }, 'first-seed': { type: 'string', default: '1' }, out: { type: 'string', default: '.tmp/not-photo-set' } },
});
const perKind = Number(values['per-kind']);
const firstSeed = Number(values['first-seed']);
const out = values.out!;

const bundle = await build({ entryPoints: ['scripts/not-photos/draw.ts'], bundle: true, write: false, format: 'iife', globalName: 'notPhotos', target: 'es2022' });
const browser = await puppeteer.launch({ executablePath: chromiumPath(), headless: true, args: QUIET_CHROMIUM, ignoreDefaultArgs: ['--headless'] });
try {
  const page = await browser.newPage();
  await page.setContent('<!doctype html><body></body>');
  await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
  mkdirSync(out, { recursive: true });
  const rows = ['file,wnid,class_index'];
  for (const kind of KINDS) {
    for (let seed = firstSeed; seed < firstSeed + perKind; seed++) {
      const picture = await page.evaluate((k, s) => (globalThis as unknown as { notPhotos: typeof import('./not-photos/draw') }).notPhotos.drawPicture(k, s), kind, seed);
      const file = `${kind}-${String(seed).padStart(3, '0')}.${picture.type === 'image/jpeg' ? 'jpg' : 'png'}`;
      writeFileSync(`${out}/${file}`, Buffer.from(picture.dataUrl.split(',')[1]!, 'base64'));
      rows.push(`${file},${kind},-1`);
    }
  }
  writeFileSync(`${out}/labels.csv`, rows.join('\n') + '\n');
  console.log(`wrote ${rows.length - 1} pictures to ${out}`);
} finally {
  await browser.close();
}
