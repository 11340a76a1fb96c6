/**
 * npm run measure-onscreen [-- --images DIR --width 300 --limit N]
 * What reading the screen costs in accuracy, and where the perceptual check's threshold lies.
 *  1. Threshold: every photo is shown at `--width` and at 120 CSS px, screenshotted, and its grey
 *     signature compared with the signature of its own file (the same picture: must match) and of
 *     every other photo's file (different pictures: must not). Prints both distributions.
 *  2. Accuracy: every photo, served from another origin (so the page may not read its pixels), is
 *     shown with its shorter side `--width` px and identified with a real right-click and "Identify image": the
 *     answer comes from a capture of the visible tab. The same files' bytes go through the engine
 *     as a download would. Prints top-1/top-5 of both.
 *  3. Capture format (`--only formats [--qualities 92,85,75]`): every photo, from another origin, shown
 *     with its shorter side `--width` px, captured as PNG and as JPEG at a few qualities, cropped and identified as a
 *     click's capture is (no card on the page). Prints top-1/top-5 and the median capture+decode+crop
 *     time of each format: a lossy format ships only if its top-1 is within half a point of PNG's.
 */
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { SAME_PICTURE_MAX_DISTANCE, SIGNATURE_GRID, SIGNATURE_SIDE, greyLevels, shrinkGrid, signatureDistance } from '../src/background/perceptual';
import type { HistoryEntry, LatestOutcome } from '../src/shared/types';
import { until } from '../harness/chromium';
import { cards, rightClickAndIdentify, settledCard } from '../harness/menu';
import { htmlPage, startServer } from '../harness/server';
import { ensureBuilt, startEngineSession } from '../harness/engine-session';

const { values } = parseArgs({
  options: {
    images: { type: 'string', default: '../shared/eval/imagenet-samples-dev' },
    width: { type: 'string', default: '300' },
    limit: { type: 'string' },
    /** Start after this many photos (a run split in two). */
    skip: { type: 'string' },
    /** Skip the accuracy part (threshold only) or the threshold part. */
    only: { type: 'string' },
    /** JPEG qualities compared with PNG by `--only formats`. */
    qualities: { type: 'string', default: '92,85,75' },
  },
});
const dir = resolve(values.images!);
const width = Number(values.width);
const rows = (await readFile(join(dir, 'labels.csv'), 'utf8'))
  .split(/\r?\n/).slice(1).filter((line) => line.trim())
  .map((line) => {
    const [file, , classIndex] = line.split(',');
    return { file: file!, classIndex: Number(classIndex) };
  })
  .slice(Number(values.skip ?? 0))
  .slice(0, values.limit ? Number(values.limit) : undefined);

ensureBuilt();
const session = await startEngineSession();
const { ext } = session;
const [site, images] = await Promise.all([startServer(), startServer()]);
const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return `min=${sorted[0]!.toFixed(3)} p1=${quantile(sorted, 0.01).toFixed(3)} p50=${quantile(sorted, 0.5).toFixed(3)} p99=${quantile(sorted, 0.99).toFixed(3)} max=${sorted.at(-1)!.toFixed(3)}`;
};

try {
  if (values.only === 'formats') {
    type Format = { format: 'png' | 'jpeg'; quality?: number };
    const FORMATS: Format[] = [{ format: 'png' }, ...values.qualities!.split(',').map((quality) => ({ format: 'jpeg' as const, quality: Number(quality) }))];
    const name = (f: Format) => (f.quality !== undefined ? `jpeg${f.quality}` : f.format);
    await session.warm();
    const shot = await ext.browser.newPage();
    await shot.setViewport({ width: 1280, height: 900 });
    await shot.goto(htmlPage(site, '/formats.html', '<img id="photo" style="display:block;margin:24px">'));
    await shot.bringToFront();
    const worker = await ext.worker();
    const tab = await worker.evaluate(async (url: string) => {
      const found = (await chrome.tabs.query({})).find((t) => t.url === url)!;
      return { id: found.id!, windowId: found.windowId };
    }, shot.url());
    const stats = Object.fromEntries(FORMATS.map((f) => [name(f), { top1: 0, top5: 0, ms: [] as number[] }]));
    for (const row of rows) {
      await shot.$eval('#photo', (img, src) => ((img as HTMLImageElement).src = src as string), `${images.origin}/samples/${row.file}`);
      await shot.waitForFunction(() => (document.querySelector('#photo') as HTMLImageElement).complete);
      const area = await shot.$eval('#photo', (img, side) => {
        const photo = img as HTMLImageElement;
        photo.style.width = `${Math.round((photo.naturalWidth * (side as number)) / Math.min(photo.naturalWidth, photo.naturalHeight))}px`;
        const box = photo.getBoundingClientRect();
        return { left: box.left, top: box.top, width: box.width, height: Math.min(box.height, innerHeight - box.top), dpr: devicePixelRatio };
      }, width);
      const line: Record<string, number | undefined> = {};
      for (const format of FORMATS) {
        await new Promise((r) => setTimeout(r, 540)); // Chrome's 2 captures a second: no wait inside the timing
        const { classes, ms } = await worker.evaluate(
          (t: typeof tab, a: typeof area, f: { format: 'png' | 'jpeg'; quality?: number }) =>
            (globalThis as unknown as { glimpse: { measureCapture(...args: unknown[]): Promise<{ classes: number[]; ms: number }> } }).glimpse.measureCapture(t.id, t.windowId, a, f),
          tab, area, format,
        );
        const entry = stats[name(format)]!;
        entry.top1 += Number(classes[0] === row.classIndex);
        entry.top5 += Number(classes.slice(0, 5).includes(row.classIndex));
        entry.ms.push(ms);
        line[name(format)] = classes[0];
      }
      console.log(JSON.stringify({ file: row.file, expected: row.classIndex, ...line }));
    }
    const n = rows.length;
    const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;
    console.log('format | top-1 | top-5 | capture+decode+crop ms (median)');
    console.log('--- | --- | --- | ---');
    for (const format of FORMATS) {
      const entry = stats[name(format)]!;
      console.log(`${name(format)} | ${(entry.top1 / n).toFixed(3)} | ${(entry.top5 / n).toFixed(3)} | ${med(entry.ms).toFixed(1)}`);
    }
    console.log(`formats n=${n} shorter_side=${width}px`);
  }
  if (values.only !== 'accuracy' && values.only !== 'formats') {
  // 1. Threshold: grey grids made as the service worker makes them (a real captureVisibleTab, cropped to the
  // picture, and the file's bytes, each resized with createImageBitmap's high quality), at several grid sides.
  const page = await ext.browser.newPage();
  await page.setViewport({ width: 1280, height: 900 });
  await page.goto(htmlPage(site, '/measure.html', '<img id="photo" style="display:block;margin:16px">'));
  await page.bringToFront();
  const worker = await ext.worker();
  const GRID = SIGNATURE_GRID;
  const SIDES = [8, 16, 32];
  /** A 32x32 grey grid of the bytes (a file) or of a part of a fresh capture; coarser grids are averaged from it. */
  const grid = (source: { bytes?: string; rect?: { left: number; top: number; width: number; height: number } }) =>
    worker.evaluate(async (src: typeof source, side: number) => {
      let bitmap: ImageBitmap;
      let rect = src.rect;
      if (src.bytes) {
        bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(src.bytes), (c) => c.charCodeAt(0))]));
      } else {
        await new Promise((r) => setTimeout(r, 520)); // Chrome's 2 captures a second
        const url = await chrome.tabs.captureVisibleTab({ format: 'png' });
        bitmap = await createImageBitmap(await (await fetch(url)).blob());
      }
      rect ??= { left: 0, top: 0, width: bitmap.width, height: bitmap.height };
      const small = await createImageBitmap(bitmap, rect.left, rect.top, rect.width, rect.height, { resizeWidth: side, resizeHeight: side, resizeQuality: 'high' });
      const canvas = new OffscreenCanvas(side, side);
      const context = canvas.getContext('2d')!;
      context.drawImage(small, 0, 0);
      return [...context.getImageData(0, 0, side, side).data];
    }, source, GRID).then((rgba) => greyLevels(Uint8Array.from(rgba)));
  const coarser = (fine: Float32Array, side: number): Float32Array => shrinkGrid(fine, GRID, side);
  const SIZES = [Number(values.width), 200, 120];
  const downloads: Float32Array[] = [];
  const shown: Record<number, Float32Array[]> = Object.fromEntries(SIZES.map((size) => [size, []]));
  for (const row of rows) {
    downloads.push(await grid({ bytes: (await readFile(join(dir, row.file))).toString('base64') }));
    for (const size of SIZES) {
      await page.$eval('#photo', (img, src, w) => {
        (img as HTMLImageElement).style.width = `${w}px`;
        (img as HTMLImageElement).src = src as string;
      }, `${site.origin}/samples/${row.file}`, size);
      await page.waitForFunction(() => (document.querySelector('#photo') as HTMLImageElement).complete);
      const rect = await page.$eval('#photo', (img) => {
        const box = img.getBoundingClientRect();
        return { left: Math.round(box.left), top: Math.round(box.top), width: Math.round(box.width), height: Math.round(box.height) };
      });
      shown[size]!.push(await grid({ rect }));
    }
  }
  for (const side of SIDES) {
    for (const size of SIZES) {
      const same = rows.map((_, i) => signatureDistance(coarser(downloads[i]!, side), coarser(shown[size]![i]!, side)));
      const different: number[] = [];
      rows.forEach((_, i) => rows.forEach((__, j) => i !== j && different.push(signatureDistance(coarser(downloads[j]!, side), coarser(shown[size]![i]!, side)))));
      const mark = side === SIGNATURE_SIDE ? ` threshold=${SAME_PICTURE_MAX_DISTANCE} same_rejected=${same.filter((d) => d > SAME_PICTURE_MAX_DISTANCE).length}/${same.length} different_accepted=${different.filter((d) => d <= SAME_PICTURE_MAX_DISTANCE).length}/${different.length}` : '';
      console.log(`grid=${side} shown=${size}px same: ${summary(same)} | different: ${summary(different)}${mark}`);
      if (side === SIGNATURE_SIDE) {
        const worst = same.map((d, i) => ({ d, file: rows[i]!.file })).sort((a, b) => b.d - a.d).slice(0, 5);
        console.log(`  farthest from their own file: ${worst.map((w) => `${w.file} ${w.d.toFixed(3)}`).join(', ')}`);
      }
    }
  }
  await page.close();
  }

  if (values.only !== 'threshold' && values.only !== 'formats') {
  // 2. Accuracy: capture path (a real right-click on a picture the page may not read) against the download path.
  await session.warm();
  const shot = await ext.browser.newPage();
  await shot.setViewport({ width: 1280, height: 900 });
  const worker = await ext.worker();
  await shot.goto(htmlPage(site, '/capture.html', '<img id="photo" style="display:block;margin:24px">'));
  const stats = { capture: { top1: 0, top5: 0, via: 0 }, download: { top1: 0, top5: 0 } };
  for (const row of rows) {
    await shot.$eval('#photo', (img, src) => ((img as HTMLImageElement).src = src as string), `${images.origin}/samples/${row.file}`);
    await shot.waitForFunction(() => (document.querySelector('#photo') as HTMLImageElement).complete);
    // Its shorter side `width` px: large enough for a capture, as a photo in an article is.
    await shot.$eval('#photo', (img, side) => {
      const photo = img as HTMLImageElement;
      photo.style.width = `${Math.round((photo.naturalWidth * (side as number)) / Math.min(photo.naturalWidth, photo.naturalHeight))}px`;
    }, width);
    const box = await shot.$eval('#photo', (img) => img.getBoundingClientRect().toJSON() as DOMRect);
    await rightClickAndIdentify(ext, shot, box.left + box.width / 2, box.top + box.height / 2);
    await settledCard(shot, 1);
    const entry = await worker.evaluate(async () => {
      const all = await chrome.storage.local.get(null);
      const latest = all.latest as LatestOutcome;
      return Object.values(all).find((value) => (value as HistoryEntry)?.id !== undefined && latest.kind === 'answer' && (value as HistoryEntry).id === latest.entryId) as HistoryEntry | undefined;
    });
    const ranks = entry?.predictions.map((p) => p.classIndex) ?? [];
    stats.capture.top1 += Number(ranks[0] === row.classIndex);
    stats.capture.top5 += Number(ranks.includes(row.classIndex));
    stats.capture.via += Number(entry?.via === 'capture');
    const downloaded = await session.classify(await readFile(join(dir, row.file)));
    const downloadRanks = downloaded.predictions.map((p) => p.classIndex);
    stats.download.top1 += Number(downloadRanks[0] === row.classIndex);
    stats.download.top5 += Number(downloadRanks.includes(row.classIndex));
    console.log(JSON.stringify({ file: row.file, expected: row.classIndex, capture: ranks[0], via: entry?.via, download: downloadRanks[0] }));
    await shot.keyboard.press('Escape');
    await until(async () => (await cards(shot)).length === 0, 'the card to close');
  }
  const n = rows.length;
  console.log(`capture shorter_side=${width}px top1=${(stats.capture.top1 / n).toFixed(3)} top5=${(stats.capture.top5 / n).toFixed(3)} via_capture=${stats.capture.via}/${n}`);
  console.log(`download top1=${(stats.download.top1 / n).toFixed(3)} top5=${(stats.download.top5 / n).toFixed(3)} n=${n}`);
  }
} finally {
  await session.close();
  await Promise.all([site.close(), images.close()]);
}
