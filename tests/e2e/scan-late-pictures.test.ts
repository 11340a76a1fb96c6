/**
 * A page scan finishes what it counts. On an article whose later photos load as the person reads
 * (native loading="lazy" with no size until loaded, a data-src loader, infinite scroll adding
 * stories), every photo gets its own label once it is scrolled to, and the pill never says
 * "all done" while a photo the person can see has none. Tiles of one sprite sheet are two
 * pictures, each with its own answer.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, until, type ExtensionBrowser } from '../../harness/chromium';
import { chooseMenuItem, storedHistory } from '../../harness/commands';
import { cards, settledCard } from '../../harness/menu';
import { pillWhen, scanPill, type ScanPill } from '../../harness/scan-pill';
import { htmlPage, SAMPLES_DIR, startServer, type TestServer } from '../../harness/server';

const ANSWER_TIMEOUT = 150_000;

/** The photos on the page now (logo and icons aside), with where they are. */
const photosOf = (page: Page) =>
  page.$$eval('main img', (all) => all.map((img) => {
    const rect = img.getBoundingClientRect();
    return { id: img.id || img.getAttribute('src')!, src: new URL(img.getAttribute('data-src') ?? img.getAttribute('src')!, location.href).href, box: { left: rect.left, top: rect.top, width: rect.width, height: rect.height }, loaded: img.complete && img.naturalWidth > 1 };
  }));

/** Each card's box centre lies on one photo: the photos that have a label. */
async function labelledPhotos(page: Page): Promise<Set<string>> {
  const photos = await photosOf(page);
  const labelled = new Set<string>();
  for (const card of await cards(page)) {
    if (card.state !== 'result' || !card.box) continue;
    const x = card.box.left + card.box.width / 2;
    const y = card.box.top + card.box.height / 2;
    const under = photos.find((photo) => x >= photo.box.left && x <= photo.box.left + photo.box.width && y >= photo.box.top - 60 && y <= photo.box.top + photo.box.height + 60);
    if (under) labelled.add(under.id);
  }
  return labelled;
}

describe('a page scan labels pictures that come later', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
    ext = await launchWithExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('native lazy photos, a data-src swap and infinite scroll: each labelled when scrolled to, counted honestly', async () => {
    const page = await ext.browser.newPage();
    await page.goto(`${server.origin}/scan/article.html`, { waitUntil: 'load' });
    const before = (await storedHistory(ext)).length;
    await chooseMenuItem(ext, page, 'identify-page');

    // The three photos in view are done; the two lazy photos the browser has not loaded yet count as still to come.
    const waiting = await pillWhen(page, (pill) => pill.state === 'waiting', 'the photos in view to be done', ANSWER_TIMEOUT);
    expect(waiting.done).toBe(3);
    expect(waiting.total).toBe(6);
    expect(waiting.text).toContain('3 of 6');
    expect(waiting.text).toContain('scroll to identify the rest');
    // (The browser fetches a lazy photo only once it is near the view: the second one, far down, is not yet.)
    expect((await photosOf(page)).find((photo) => photo.id === 'native-2')?.loaded).toBe(false);

    // The person reads down the article; at its end two more stories load, one after the other.
    const seen: (ScanPill & { loadedPhotos: number })[] = [];
    for (let step = 0; step < 80; step++) {
      await page.evaluate(() => window.scrollBy({ top: 500, behavior: 'instant' }));
      await new Promise((resolve) => setTimeout(resolve, 200));
      const loadedPhotos = (await photosOf(page)).filter((photo) => photo.loaded).length;
      const pill = await scanPill(page);
      if (pill) seen.push({ ...pill, loadedPhotos });
      const feed = await page.$$eval('.feed-photo', (all) => all.length);
      const atEnd = await page.evaluate(() => innerHeight + scrollY >= document.documentElement.scrollHeight - 2);
      if (feed === 2 && atEnd) break;
    }
    expect(await page.$$eval('.feed-photo', (all) => all.length)).toBe(2);
    // Each photo is labelled once it has been in view; the scan ends when the last one is.
    const done = await pillWhen(page, (pill) => pill.state === 'done', 'every photo to be labelled', ANSWER_TIMEOUT);
    expect(done).toMatchObject({ done: 8, total: 8 });
    expect(done.text).toContain('8 of 8');
    // Never "all done" while a photo the page shows had no label; never fewer counted than shown.
    expect(seen.filter((pill) => pill.total < pill.loadedPhotos || (pill.state === 'done' && pill.done < pill.loadedPhotos))).toEqual([]);

    await settledCard(page, 8, ANSWER_TIMEOUT);
    const history = (await storedHistory(ext)).slice(0, (await storedHistory(ext)).length - before);
    const photos = await photosOf(page);
    expect(photos).toHaveLength(8);
    expect(history.map((entry) => entry.imageUrl).sort()).toEqual(photos.map((photo) => photo.src).sort());
    // Scrolled back to each, every photo shows its own label.
    const labelled = new Set<string>();
    for (const photo of photos) {
      await page.evaluate((id: string) => document.getElementById(id)?.scrollIntoView({ block: 'center' }) ?? document.querySelector(`img[src="${id}"]`)?.scrollIntoView({ block: 'center' }), photo.id);
      await until(async () => (await labelledPhotos(page)).has(photo.id), `a label on ${photo.id}`, 20_000);
      labelled.add(photo.id);
      if (process.env.GLIMPSE_SCREENSHOTS && photo.id === 'native-1') await page.screenshot({ path: `${process.env.GLIMPSE_SCREENSHOTS}/scan-lazy-native.png` });
    }
    expect(labelled.size).toBe(8);
    await page.close();
  });

  it('two tiles of one sprite sheet are two pictures: each its own answer and label, "2 of 2"', async () => {
    const photos = ['n02787622_banjo.JPEG', 'n02802426_basketball.JPEG'];
    const images = photos.map((file, i) => {
      const data = readFileSync(join(SAMPLES_DIR, file)).toString('base64');
      return `<image x="${i * 320}" y="0" width="320" height="320" preserveAspectRatio="xMidYMid slice" href="data:image/jpeg;base64,${data}"/>`;
    }).join('');
    server.route('/scan/sprite.svg', (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      res.end(`<svg xmlns="http://www.w3.org/2000/svg" width="640" height="320" viewBox="0 0 640 320">${images}</svg>`);
    });
    const tile = (id: string, x: number) => `<div id="${id}" class="tile" style="background-position: ${x}px 0px"></div>`;
    const url = htmlPage(server, '/sprite-page.html', `<style>body{margin:24px;display:flex;gap:40px}
      .tile{width:320px;height:320px;background-image:url(/scan/sprite.svg);background-size:640px 320px;background-repeat:no-repeat}</style>
      ${tile('first', 0)}${tile('second', -320)}`, 'A sprite sheet');
    const page = await ext.browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await chooseMenuItem(ext, page, 'identify-page');
    const done = await pillWhen(page, (pill) => pill.state === 'done', 'both tiles to be labelled', ANSWER_TIMEOUT);
    expect(done).toMatchObject({ done: 2, total: 2 });
    const shown = await settledCard(page, 2, ANSWER_TIMEOUT);
    expect(shown).toHaveLength(2);
    const boxes = await page.$$eval('.tile', (all) => all.map((element) => {
      const rect = element.getBoundingClientRect();
      return { left: rect.left, right: rect.right };
    }));
    const answerOn = (index: number) => shown.find((card) => {
      if (!card.box) return false;
      const x = card.box.left + card.box.width / 2;
      return x >= boxes[index]!.left && x <= boxes[index]!.right;
    })?.text ?? '';
    if (process.env.GLIMPSE_SCREENSHOTS) await page.screenshot({ path: `${process.env.GLIMPSE_SCREENSHOTS}/scan-sprite.png` });
    expect(answerOn(0)).toMatch(/banjo/i);
    expect(answerOn(1)).toMatch(/basketball/i);
    await page.close();
  });
});
