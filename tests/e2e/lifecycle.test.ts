/**
 * Lifecycle: Chrome stops service workers and closes offscreen documents when it likes. Whatever
 * goes away mid-request, the user gets the answer or a clear "interrupted, try again", never a
 * spinner that never ends, and the next request works.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LatestOutcome } from '../../src/shared/types';
import { launchWithExtension, until, type ExtensionBrowser } from '../../harness/chromium';
import {
  closeEngine,
  history, inServiceWorker, localStorage, resumeRestartedWorkers, stopServiceWorker, wakeServiceWorker,
} from '../../harness/reading';
import { PHOTO, photoBytes, png } from './fixtures/hostile/images';
import { cards, dispatchMenuClick, identifyThroughMenu, settledCard, type CardState } from '../../harness/menu';
import { htmlPage, startServer, type TestServer } from '../../harness/server';

/** How long a settled card may take here: a restarted engine reloads the model on two slow cores. */
const SETTLE_MS = 120_000;

const offscreenDocuments = (ext: ExtensionBrowser) =>
  inServiceWorker<number>(ext, `chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }).then((c) => c.length)`);

const closeOffscreen = (ext: ExtensionBrowser) => inServiceWorker<boolean>(ext, 'chrome.offscreen.closeDocument().then(() => true)');

const engineStatus = (ext: ExtensionBrowser) =>
  inServiceWorker<{ state: string } | undefined>(ext, `chrome.storage.session.get('engineStatus').then((s) => s.engineStatus)`);

/** The card shows an answer (naming `label`, when given). */
function expectAnswer(card: CardState | undefined, label?: string): void {
  expect(card, card?.text).toMatchObject({ state: 'result' });
  if (label) expect(card!.text.toLowerCase()).toContain(label);
}

describe('lifecycle: the service worker or the engine goes away mid-request', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  /** Another site: its pictures are not the page's to read, and one shown this small is downloaded by the worker. */
  let otherSite: TestServer;
  let page: Page;
  let blank: Page;
  let stopResuming: (() => Promise<void>) | undefined;
  /** Image downloads the service worker made (pages fetch images with sec-fetch-dest: image). */
  const workerDownloads: string[] = [];

  /** Serves the photo (or `body`) after `delayMs`, noting downloads made by the extension. */
  function slowImage(path: string, delayMs: number, body: Buffer = photoBytes(), type = 'image/jpeg', site = server) {
    site.route(path, (req: IncomingMessage, res: ServerResponse) => {
      if (req.headers['sec-fetch-dest'] !== 'image') workerDownloads.push(path);
      const timer = setTimeout(() => res.writeHead(200, { 'content-type': type, 'content-length': body.length }).end(body), delayMs);
      res.on('close', () => clearTimeout(timer));
    });
  }

  async function openCase(name: string, src: string): Promise<void> {
    await page.goto(htmlPage(server, `/life/${name}.html`, `<img id="target" src="${src}" width="320" height="240" alt="">`, name), {
      waitUntil: 'domcontentloaded',
    });
  }

  /** After an interruption: the next identification on the same page works, and the popup's latest is not left "working". */
  async function expectNextRequestWorks(name: string): Promise<void> {
    await openCase(`${name}-next`, `/samples/${PHOTO.file}`);
    await identifyThroughMenu(ext, page, '#target');
    const [card] = await settledCard(page, 1, SETTLE_MS);
    expect(card, card?.text).toMatchObject({ state: 'result' });
    expect(card!.text.toLowerCase()).toContain(PHOTO.label);
    const latest = (await localStorage(ext)).latest as LatestOutcome;
    expect(latest.kind).toBe('answer');
  }

  beforeAll(async () => {
    server = await startServer();
    otherSite = await startServer();
    ext = await launchWithExtension();
    stopResuming = await resumeRestartedWorkers(ext);
    page = await ext.browser.newPage();
    // A plain tab to reach DevTools' ServiceWorker domain (the popup would warm the engine up).
    blank = await ext.browser.newPage();
  });
  afterAll(async () => {
    await stopResuming?.();
    await ext?.close();
    await server?.close();
    await otherSite?.close();
  });

  it('the offscreen document closed while the model is still loading (cold start): the answer still comes', async () => {
    await closeEngine(ext);
    expect(await offscreenDocuments(ext)).toBe(0);
    await openCase('cold', `/samples/${PHOTO.file}`);
    await identifyThroughMenu(ext, page, '#target');
    // The right-click starts the model loading; close its document while it does.
    await until(async () => ['loading', 'warming'].includes((await engineStatus(ext))?.state ?? ''), 'the model to start loading', 60_000);
    expect(await closeOffscreen(ext)).toBe(true);
    const [card] = await settledCard(page, 1, SETTLE_MS);
    expectAnswer(card, PHOTO.label);
    expect(await offscreenDocuments(ext)).toBe(1);
  });

  it('the offscreen document closed while it decodes a large image: the answer still comes', async () => {
    const large = png(7000, 5000, { pixel: (x, y) => [(x >> 4) & 255, (y >> 4) & 255, 128] });
    slowImage('/life/large.png', 0, large, 'image/png', otherSite);
    await openCase('decode', `${otherSite.origin}/life/large.png`);
    const before = workerDownloads.length;
    await identifyThroughMenu(ext, page, '#target');
    await until(() => workerDownloads.length > before, 'the worker to download the image');
    // The engine has the job once its queue holds it; its stats answer only between jobs (its thread
    // is busy decoding 35 megapixels), so the job is looked for briefly, not required.
    await until(
      () => inServiceWorker<number>(ext, 'globalThis.glimpse.engineStats().then((s) => s.queued)'),
      'the engine to start on the image',
      5_000,
    ).catch(() => undefined);
    expect(await closeOffscreen(ext)).toBe(true);
    const [card] = await settledCard(page, 1, SETTLE_MS);
    expectAnswer(card);
    await expectNextRequestWorks('decode');
  });

  it('the service worker stopped while it downloads the image: the content script asks again and the answer comes', async () => {
    slowImage('/life/slow-download.jpg', 3000);
    await openCase('sw-download', '/life/slow-download.jpg');
    const before = workerDownloads.length;
    await identifyThroughMenu(ext, page, '#target');
    await until(() => workerDownloads.length > before, 'the worker to start the download');
    await stopServiceWorker(ext, blank);
    const [card] = await settledCard(page, 1, SETTLE_MS);
    expectAnswer(card, PHOTO.label);
    const latest = (await localStorage(ext)).latest as LatestOutcome;
    expect(latest.kind, JSON.stringify(latest)).not.toBe('working');
    expect(workerDownloads.length - before).toBe(2);
    await expectNextRequestWorks('sw-download');
  });

  it('the service worker stopped while the engine works: the content script asks again, the answer comes, then the next request works', async () => {
    const large = png(7000, 5000, { pixel: (x, y) => [(y >> 3) & 255, (x >> 3) & 255, 60] });
    slowImage('/life/engine-busy.png', 0, large, 'image/png', otherSite);
    await openCase('sw-engine', `${otherSite.origin}/life/engine-busy.png`);
    const before = workerDownloads.length;
    await identifyThroughMenu(ext, page, '#target');
    await until(() => workerDownloads.length > before, 'the worker to download the image');
    // The bytes go to the engine right after the download; its stats answer only between jobs (its
    // thread is busy decoding 35 megapixels), so a job in its queue is looked for briefly, not required.
    await until(
      () => inServiceWorker<number>(ext, 'globalThis.glimpse.engineStats().then((s) => s.queued)'),
      'the engine to start on the image',
      5_000,
    ).catch(() => undefined);
    await stopServiceWorker(ext, blank);
    const [card] = await settledCard(page, 1, SETTLE_MS);
    expectAnswer(card);
    // The engine may have answered before the stop: then nothing has woken the worker since.
    await wakeServiceWorker(ext);
    const latest = (await localStorage(ext)).latest as LatestOutcome;
    expect(latest.kind, JSON.stringify(latest)).not.toBe('working');
    await expectNextRequestWorks('sw-engine');
  });

  it('the service worker stopped between the right-click and "Identify image": the page sends the pixels it handed over then itself, and the answer comes', async () => {
    await openCase('sw-held', `/samples/${PHOTO.file}`);
    await page.waitForFunction(() => (document.querySelector('#target') as HTMLImageElement).complete);
    const held = () => inServiceWorker<number>(ext, 'globalThis.glimpse.heldPixels()');
    const box = (await (await page.$('#target'))!.boundingBox())!;
    await page.bringToFront();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
    // The page read its own photo at the right-click and handed it to the worker, which dies now.
    await until(async () => (await held()) > 0, 'the pixels read at the right-click to be held');
    await stopServiceWorker(ext, blank);
    // Chrome starts it again to deliver the menu click.
    await wakeServiceWorker(ext);
    const srcUrl = await page.$eval('#target', (img) => (img as HTMLImageElement).src);
    await dispatchMenuClick(ext, page.url(), { menuItemId: 'identify-image', pageUrl: page.url(), srcUrl, mediaType: 'image' });
    const [card] = await settledCard(page, 1, SETTLE_MS);
    expectAnswer(card, PHOTO.label);
    const entry = (await history(ext)).find((found) => found.origin.pageUrl === page.url());
    expect(entry?.via).toBe('page');
    expect(await held()).toBe(0);
  });

  it('a "working" left in storage by a stopped worker becomes "interrupted" when the worker starts again', async () => {
    await inServiceWorker(ext, `chrome.storage.local.set({ latest: { kind: 'working', at: Date.now() - 1000, origin: { pageUrl: 'https://example.test/' } } })`);
    await stopServiceWorker(ext, blank);
    // Any event wakes the worker: here a message from an extension page.
    await wakeServiceWorker(ext);
    const latest = await until(async () => {
      const stored = await inServiceWorker<LatestOutcome>(ext, `chrome.storage.local.get('latest').then((s) => s.latest)`);
      return stored.kind === 'error' ? stored : undefined;
    }, 'the stale "working" to be settled');
    expect(latest).toMatchObject({ kind: 'error', error: { code: 'interrupted' } });
    await expectNextRequestWorks('stale-working');
  });

  it('kept every answer in history through all of it, and no card was left spinning', async () => {
    const entries = await history(ext);
    expect(entries.length).toBeGreaterThanOrEqual(4);
    for (const entry of entries) expect(entry.predictions[0]!.probability).toBeGreaterThan(0);
    expect((await cards(page)).filter((card) => card.state === 'working')).toEqual([]);
  });
});
