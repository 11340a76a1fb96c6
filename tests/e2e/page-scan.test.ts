/**
 * "Identify all images on this page" on a shop grid of 24 product tiles (photos from the dev set,
 * hover overlays, sale badges, price-tag icons, a logo, a spacer and a tracking pixel): every tile
 * gets its answer, the ones on screen first and the rest as they scroll into view; icons and pixels
 * are skipped; the progress ends at "24 of 24"; Stop stops it; history gets one group per scan; and
 * the page never freezes on Glimpse's account.
 */
import { readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, until, type ExtensionBrowser } from '../../harness/chromium';
import { chooseMenuItem, storedHistory } from '../../harness/commands';
import { cards, settledCard } from '../../harness/menu';
import { pillWhen, pressPillButton, scanPill } from '../../harness/scan-pill';
import { htmlPage, SAMPLES_DIR, startServer, type TestServer } from '../../harness/server';

const ANSWER_TIMEOUT = 150_000;
const TILES = 24;

/** Long tasks and long animation frames of the page, recorded from its very start. */
const RECORD_LONG_TASKS = () => {
  const record = { tasks: [] as { start: number; duration: number }[], scripts: [] as { url: string; duration: number; invoker: string }[], frames: [] as unknown[] };
  (window as unknown as { glimpseTestLongTasks: typeof record }).glimpseTestLongTasks = record;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) record.tasks.push({ start: entry.startTime, duration: entry.duration });
  }).observe({ type: 'longtask', buffered: true });
  new PerformanceObserver((list) => {
    for (const frame of list.getEntries() as unknown as { startTime: number; duration: number; blockingDuration: number; renderStart: number; styleAndLayoutStart: number; scripts: { sourceURL: string; duration: number; invoker: string; sourceFunctionName: string }[] }[]) {
      if (frame.blockingDuration > 0) record.frames.push({ start: frame.startTime, duration: frame.duration, blocking: frame.blockingDuration, render: frame.renderStart - frame.startTime, layout: frame.styleAndLayoutStart - frame.startTime });
      for (const script of frame.scripts) record.scripts.push({ url: script.sourceURL, duration: script.duration, invoker: `${script.invoker} ${script.sourceFunctionName}` });
    }
  }).observe({ type: 'long-animation-frame', buffered: true });
};

interface TileState {
  id: string;
  photo: string;
  box: { left: number; top: number; width: number; height: number };
}

const tiles = (page: Page): Promise<TileState[]> =>
  page.$$eval('.tile', (all) =>
    all.map((tile) => {
      const rect = tile.querySelector('.photo')!.getBoundingClientRect();
      return { id: tile.id, photo: new URL((tile as HTMLElement).dataset.photo!, location.href).href, box: { left: rect.left, top: rect.top, width: rect.width, height: rect.height } };
    }),
  );

let visits = 0;

async function openShop(ext: ExtensionBrowser, server: TestServer): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.evaluateOnNewDocument(RECORD_LONG_TASKS);
  // Each page its own address: helpers find a page's tab by its address.
  await page.goto(`${server.origin}/scan/shop.html?visit=${++visits}`, { waitUntil: 'load' });
  return page;
}

describe('identify all images on a page', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  /** Another site: its pictures' pixels are not the page's to read (no CORS headers). */
  let photos: TestServer;

  beforeAll(async () => {
    server = await startServer();
    photos = await startServer();
    ext = await launchWithExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
    await photos?.close();
  });

  it('labels every tile of a 24-product shop grid, on-screen ones first, and ends at "24 of 24"', async () => {
    const page = await openShop(ext, server);
    // The instrument works: the page's own 80 ms task is seen (and comes before the scan starts).
    await page.evaluate(() => {
      setTimeout(() => {
        const end = performance.now() + 80;
        while (performance.now() < end);
      }, 0);
    });
    await until(() => page.evaluate(() => (window as unknown as { glimpseTestLongTasks: { tasks: unknown[] } }).glimpseTestLongTasks.tasks.length > 0), "the long task observer to see the page's own long task");
    const started = await page.evaluate(() => performance.now());
    const startedAt = Date.now();
    await chooseMenuItem(ext, page, 'identify-page');

    // The tiles in the window are answered without scrolling; the rest wait for the person.
    const onScreen = (await tiles(page)).filter((tile) => tile.box.top + tile.box.height > 0 && tile.box.top < 900);
    expect(onScreen.length).toBeGreaterThanOrEqual(8);
    expect(onScreen.length).toBeLessThan(TILES);
    const waiting = await pillWhen(page, (pill) => pill.state === 'waiting', 'the on-screen pictures to be done', ANSWER_TIMEOUT);
    expect(waiting).toMatchObject({ done: onScreen.length, total: TILES });
    expect(waiting.text).toContain(`${onScreen.length} of ${TILES}`);
    expect(waiting.text).toContain('scroll to identify the rest');
    const firstBatch = (await storedHistory(ext)).map((entry) => entry.imageUrl).sort();
    expect(firstBatch).toEqual(onScreen.map((tile) => tile.photo).sort());
    if (process.env.GLIMPSE_SCREENSHOTS) await page.screenshot({ path: `${process.env.GLIMPSE_SCREENSHOTS}/scan-waiting.png` });

    // Scrolling down brings the lazy tiles (native loading="lazy" and a data-src loader) into view.
    for (let y = 400; y <= 3200; y += 400) {
      await page.evaluate((top: number) => window.scrollTo({ top, behavior: 'instant' }), y);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    const done = await pillWhen(page, (pill) => pill.state === 'done', 'the scan to finish', ANSWER_TIMEOUT);
    if (process.env.GLIMPSE_SCREENSHOTS) await page.screenshot({ path: `${process.env.GLIMPSE_SCREENSHOTS}/scan-done.png` });
    const elapsedMs = Date.now() - startedAt;
    expect(done).toMatchObject({ done: TILES, total: TILES });
    expect(done.text).toContain('24 of 24 pictures identified');

    // One answer per tile, none for the logo, icons, badges, spacer or tracking pixel.
    const shown = await settledCard(page, TILES, ANSWER_TIMEOUT);
    expect(shown).toHaveLength(TILES);
    expect(shown.every((card) => card.state === 'result')).toBe(true);
    const history = await storedHistory(ext);
    expect(history).toHaveLength(TILES);
    expect(history.map((entry) => entry.imageUrl).sort()).toEqual((await tiles(page)).map((tile) => tile.photo).sort());
    expect(new Set(history.map((entry) => entry.scanId)).size).toBe(1);
    expect(history[0]!.scanId).toMatch(/^[0-9a-f-]{36}$/);

    // The page stayed responsive: no task of Glimpse's ran 50 ms or more.
    const record = await page.evaluate(() => (window as unknown as { glimpseTestLongTasks: { tasks: { start: number; duration: number }[]; scripts: { url: string; duration: number; invoker: string }[] } }).glimpseTestLongTasks);
    const duringScan = record.tasks.filter((task) => task.start >= started);
    const glimpseScripts = record.scripts.filter((script) => script.url.startsWith('chrome-extension://'));
    // Reported, not asserted: on a machine shared by many jobs, any task (the page's rendering, a
    // picture's decoding to read its pixels) can stretch past 50 ms; the walk's own yielding is
    // asserted below on a page where nothing else runs.
    console.info(`[page-scan] ${TILES} tiles in ${elapsedMs} ms (with scrolling); long tasks during the scan: ${JSON.stringify(duringScan)}; Glimpse scripts in long frames: ${JSON.stringify(glimpseScripts)}`);
    await page.close();
  }, 400_000);

  it('stops when the person presses Stop: nothing more is identified, even when the rest scrolls into view', async () => {
    const page = await openShop(ext, server);
    const before = (await storedHistory(ext)).length;
    await chooseMenuItem(ext, page, 'identify-page');
    // The page can neither read the pill (what is being identified) nor rewrite it.
    await pillWhen(page, (pill) => pill.text.includes('Stop'), 'the progress pill to show', ANSWER_TIMEOUT);
    const seenByPage = await page.evaluate(() => {
      const host = document.querySelector('glimpse-scan-progress') as HTMLElement;
      const text = `${host.shadowRoot?.textContent} ${host.innerText} ${host.textContent}`;
      host.textContent = 'Verified safe by Glimpse';
      return { shadowRoot: host.shadowRoot, text: /of 24|Stop/.test(text), ui: host.hasAttribute('data-glimpse-ui') };
    });
    expect(seenByPage).toEqual({ shadowRoot: null, text: false, ui: true });
    expect((await scanPill(page))!.text).not.toContain('Verified');
    await pressPillButton(page);
    const stopped = await pillWhen(page, (pill) => pill.state === 'stopped', 'the scan to stop', ANSWER_TIMEOUT);
    expect(stopped.text).toMatch(/^Stopped at \d+ of 24 Close$/);
    // Answers already on their way land; nothing after them (the pill may have gone by itself by then).
    await until(async () => (await cards(page)).every((card) => card.state === 'result'), 'answers in flight to land', ANSWER_TIMEOUT);
    const landed = (await scanPill(page)) ?? stopped;
    for (let y = 400; y <= 3200; y += 400) {
      await page.evaluate((top: number) => window.scrollTo({ top, behavior: 'instant' }), y);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await new Promise((resolve) => setTimeout(resolve, 2000));
    const added = (await storedHistory(ext)).length - before;
    const final = (await scanPill(page)) ?? landed;
    expect(final.state).toBe('stopped');
    expect(added).toBe(landed.done);
    expect(final.done).toBe(landed.done);
    expect(added).toBeLessThan(TILES);
    expect((await cards(page)).length).toBe(added);
    await page.close();
  });

  it('keeps a long page responsive while it looks for pictures: it walks 3,000 notes in short slices', async () => {
    const notes = Array.from({ length: 3000 }, (_, i) =>
      `<li><img src="/scan/tag-icon.svg" width="16" height="16" alt=""> <b>Note ${i + 1}</b> <span>Lorem ipsum dolor sit amet, item ${i + 1}.</span></li>`).join('');
    const photos = ['n02787622_banjo', 'n02802426_basketball', 'n02823428_beer_bottle', 'n02948072_candle']
      .map((name) => `<img src="/samples/${name}.JPEG" width="240" height="180" alt="">`).join('');
    const url = htmlPage(server, '/long-forum.html', `<style>body{font:14px/1.4 system-ui;margin:24px} ul{list-style:none;padding:0;columns:3}</style>
      <h1>Three thousand notes, then four photos</h1><ul>${notes}</ul><section>${photos}</section>`, 'A long forum page');
    const page = await ext.browser.newPage();
    await page.evaluateOnNewDocument(RECORD_LONG_TASKS);
    await page.goto(url, { waitUntil: 'load' });
    const started = await page.evaluate(() => performance.now());
    await chooseMenuItem(ext, page, 'identify-page');
    // Every picture is below the fold: until the person scrolls, the walk is all Glimpse does here.
    const waiting = await pillWhen(page, (pill) => pill.state === 'waiting', 'the walk to finish', ANSWER_TIMEOUT);
    expect(waiting).toMatchObject({ done: 0, total: 4 });
    const tasks = await page.evaluate(() => (window as unknown as { glimpseTestLongTasks: { tasks: { start: number; duration: number }[] } }).glimpseTestLongTasks.tasks);
    // The walk went in many short slices, the page getting a turn between each (slices end after
    // 4 ms by the clock, so a busier machine only makes more of them); the long tasks are reported.
    const slices = (await scanPill(page))!.walkSlices;
    expect(slices).toBeGreaterThanOrEqual(5);
    console.info(`[page-scan] long page: walked in ${slices} slices; long tasks during the walk: ${JSON.stringify(tasks.filter((task) => task.start >= started))}`);
    await page.close();
  });

  it('labels 24 on-screen photos from another site at once, each with its own answer (the time is reported)', async () => {
    const files = readFileSync(join(SAMPLES_DIR, 'labels.csv'), 'utf8').trim().split('\n').slice(1).map((line) => line.split(',')[0]!);
    const chosen = files.filter((_, i) => i % 8 === 3).slice(0, TILES);
    const grid = chosen.map((file, i) => `<figure><img id="p${i}" src="${photos.origin}/samples/${file}" width="200" height="150" alt=""><figcaption>Item ${i + 1}</figcaption></figure>`).join('');
    const url = htmlPage(server, '/grid-24.html', `<style>body{margin:8px;font:12px system-ui} main{display:grid;grid-template-columns:repeat(6,200px);gap:6px 10px}
      figure{margin:0} img{display:block} figcaption{height:14px}</style><main>${grid}</main>`, 'Another site\'s photos');
    const page = await ext.browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    const inView = await page.$$eval('img', (all) => all.filter((img) => img.getBoundingClientRect().bottom <= innerHeight).length);
    expect(inView).toBe(TILES);
    // Warm: the engine is loaded (as it is after the first click of a lesson), so the scan's own path is timed.
    await ext.worker().then((worker) => worker.evaluate(async (photo: string) => {
      const glimpse = (globalThis as unknown as { glimpse: { classifyBytes(bytes: ArrayBuffer): Promise<unknown> } }).glimpse;
      await glimpse.classifyBytes(await (await fetch(photo)).arrayBuffer());
    }, `${photos.origin}/samples/${files[0]}`));
    // When the pill's count moves, read through DevTools (the page's DOM does not show it), in page time.
    const marks: { at: number; done: number; state: string | null }[] = [];
    let watching = true;
    const watcher = (async () => {
      while (watching) {
        const pill = await scanPill(page).catch(() => null);
        if (pill) marks.push({ at: await page.evaluate(() => performance.now()), done: pill.done, state: pill.state });
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    const before = (await storedHistory(ext)).length;
    type Shots = { captures: number; sentWhole: number; held: number };
    const shots = () => ext.worker().then((worker) => worker.evaluate(() => (globalThis as unknown as { glimpse: { scanShots(): Shots } }).glimpse.scanShots()));
    const { captures: capturesBefore, sentWhole: sentWholeBefore } = await shots();
    const started = await page.evaluate(() => performance.now());
    await chooseMenuItem(ext, page, 'identify-page');
    const done = await pillWhen(page, (pill) => pill.state === 'done', 'the 24 photos to be labelled', ANSWER_TIMEOUT);
    // Every photo in view went at once, all captured together where they were at that moment: one
    // capture serves all 24 (a second only if the page moved during the first and it was retaken).
    const captures = (await shots()).captures - capturesBefore;
    console.log(`[page-scan] 24 photos from another site: ${captures} captures of the tab`);
    expect(captures).toBeGreaterThanOrEqual(1);
    expect(captures).toBeLessThanOrEqual(2);
    // The capture went to the engine whole, which cut the 24 photos out of it (no crop made, sent and decoded one by one).
    expect((await shots()).sentWhole - sentWholeBefore).toBe(captures);
    expect(done).toMatchObject({ done: TILES, total: TILES });
    watching = false;
    await watcher;
    const firstLabelMs = (marks.find((mark) => mark.done > 0)?.at ?? NaN) - started;
    const allMs = (marks.find((mark) => mark.state === 'done')?.at ?? NaN) - started;
    const shown = await settledCard(page, TILES, ANSWER_TIMEOUT);
    expect(shown.every((card) => card.state === 'result')).toBe(true);
    // Each photo its own answer, from the other site's address.
    const history = (await storedHistory(ext)).slice(0, (await storedHistory(ext)).length - before);
    expect(history.map((entry) => entry.imageUrl).sort()).toEqual(chosen.map((file) => `${photos.origin}/samples/${file}`).sort());
    if (process.env.GLIMPSE_SCREENSHOTS) await page.screenshot({ path: `${process.env.GLIMPSE_SCREENSHOTS}/scan-grid-24.png` });
    const engine = await ext.worker().then((worker) => worker.evaluate(() => (globalThis as unknown as { glimpse: { engineStats(): Promise<unknown> } }).glimpse.engineStats()));
    const load = loadavg().map((value) => value.toFixed(2)).join(' ');
    console.info(`[page-scan] 24 photos from another site: first label ${Math.round(firstLabelMs)} ms, all ${Math.round(allMs)} ms after the menu click; engine ${JSON.stringify(engine)}; loadavg ${load}`);
    // The capture is not kept once the scan's requests are done.
    await until(async () => (await shots()).held === 0, 'the shot to be let go', 30_000);
    await page.close();
  }, 400_000);
});
