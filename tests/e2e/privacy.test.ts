/**
 * Privacy: identifying an image makes no request but the one for that image (and the page's
 * own), and an upload makes none at all. Three witnesses: DevTools' Network domain on every
 * target (pages, the service worker, the offscreen document, Chromium's own UI), the test
 * server's log, and Chromium's net log, which records every request of the whole browser from
 * its first moment, so nothing made before a DevTools session attached can hide.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page, Target } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPopup, until, type ExtensionBrowser } from './chromium';
import { inServiceWorker, localStorage } from './fixtures/hostile/harness';
import { PHOTO, photoBytes } from './fixtures/hostile/images';
import { identifyElement, settledCard } from './menu';
import { htmlPage, startServer, type TestServer } from './server';

interface SeenRequest {
  /** The DevTools target type that made it: page, service_worker, background_page (offscreen), other. */
  by: string;
  target: Target;
  url: string;
}

/** Requests that leave the browser: what a tracker or an upload would use. Extension files and data: never do. */
const leavesTheBrowser = (url: string): boolean => /^(https?|wss?|ftp):/i.test(url);

interface NetLogRequest {
  url: string;
  initiator: string;
  isolationKey: string;
}

/** Every URL request in a Chromium net log, with who made it. */
function netLogRequests(path: string): NetLogRequest[] {
  const log = JSON.parse(readFileSync(path, 'utf8')) as {
    constants: { logEventTypes: Record<string, number> };
    events: { type: number; params?: { url?: string; initiator?: string; network_isolation_key?: string } }[];
  };
  const startJob = log.constants.logEventTypes.URL_REQUEST_START_JOB;
  return log.events
    .filter((event) => event.type === startJob && event.params?.url)
    .map((event) => ({
      url: event.params!.url!,
      initiator: event.params!.initiator ?? '',
      isolationKey: event.params!.network_isolation_key ?? '',
    }));
}

describe('privacy: nothing leaves the machine but the image the user pointed at', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  let work: string;
  let netLog: string;
  const seen: SeenRequest[] = [];
  const watched = new Set<Target>();
  let pageUrl = '';
  const imageUrl = () => `${server.origin}/samples/${PHOTO.file}`;

  async function watch(target: Target): Promise<void> {
    if (watched.has(target) || target.type() === 'browser') return;
    watched.add(target);
    try {
      const session = await target.createCDPSession();
      session.on('Network.requestWillBeSent', (event) => seen.push({ by: target.type(), target, url: event.request.url }));
      await session.send('Network.enable');
    } catch {
      // A target that closed before it could be watched; the net log still has its requests.
    }
  }

  const leaving = () => seen.filter((request) => leavesTheBrowser(request.url));

  beforeAll(async () => {
    server = await startServer();
    work = await mkdtemp(join(tmpdir(), 'glimpse-privacy-'));
    netLog = join(work, 'netlog.json');
    ext = await launchWithExtension({ extraArgs: [`--log-net-log=${netLog}`, '--net-log-capture-mode=Default'] });
    ext.browser.on('targetcreated', (target: Target) => void watch(target));
    for (const target of ext.browser.targets()) await watch(target);
  });
  afterAll(async () => {
    await ext?.close().catch(() => undefined); // the last test closed it already, to complete the net log
    await server?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('an upload makes no request at all (the model loads from the extension itself)', async () => {
    const popup = await openPopup(ext);
    await popup.waitForSelector('#upload-input');
    await watch(popup.target());
    const file = join(work, 'penguin.jpg');
    await writeFile(file, photoBytes());
    const before = { seen: leaving().length, server: server.requests.length };
    await ((await popup.$('#upload-input')) as ElementHandle<HTMLInputElement>).uploadFile(file);
    await until(
      () => popup.evaluate(() => document.querySelector('section.latest')?.getAttribute('data-state') === 'answer'),
      'the upload to be identified',
      150_000,
    );
    expect(((await localStorage(ext)).latest as { kind: string }).kind).toBe('answer');
    // The offscreen document was made for this upload, and watched.
    expect([...watched].some((target) => target.type() === 'background_page')).toBe(true);
    expect(leaving().slice(before.seen)).toEqual([]);
    expect(server.requests.slice(before.server)).toEqual([]);
    await popup.close();
  });

  it('a right-click fetches the image once, from the service worker, and nothing else', async () => {
    const page: Page = await ext.browser.newPage();
    pageUrl = htmlPage(server, '/privacy.html', `<img id="photo" src="/samples/${PHOTO.file}" width="400">`);
    // The browser asks for a page's icon by itself: that is the page's request, not Glimpse's.
    const pageOwn = [pageUrl, imageUrl(), `${server.origin}/favicon.ico`].sort();
    const before = { seen: leaving().length, server: server.requests.length };
    await page.goto(pageUrl);
    await identifyElement(ext, page, '#photo', { srcUrl: imageUrl(), mediaType: 'image' });
    const [card] = await settledCard(page);
    expect(card?.state).toBe('result');
    expect(card!.text.toLowerCase()).toContain(PHOTO.label);

    const made = leaving().slice(before.seen);
    // The page loads itself and its image; Glimpse's worker fetches the image; nobody else asks for anything.
    expect(made.filter((r) => r.by === 'service_worker').map((r) => r.url)).toEqual([imageUrl()]);
    expect(made.filter((r) => r.target === page.target()).map((r) => r.url).sort()).toEqual(pageOwn);
    expect(made.filter((r) => r.by !== 'service_worker' && r.target !== page.target()).map((r) => `${r.by}: ${r.url}`)).toEqual([]);
    expect(server.requests.slice(before.server).sort()).toEqual(['/favicon.ico', '/privacy.html', `/samples/${PHOTO.file}`, `/samples/${PHOTO.file}`].sort());
    // The service worker's fetch was really watched (not merely absent): it is the second download of the image.
    const worker = await inServiceWorker<string>(ext, 'location.href');
    expect(made.find((r) => r.by === 'service_worker')?.target.url()).toBe(worker);
    await page.close();
  });

  it('Chromium\'s net log, from the first moment of the browser, agrees', async () => {
    await ext.close();
    const requests = netLogRequests(netLog);
    expect(requests.length).toBeGreaterThan(0);
    const extensionOrigin = `chrome-extension://${ext.extensionId}`;
    const byGlimpse = requests.filter((r) => r.initiator.startsWith(extensionOrigin) || r.isolationKey.includes(extensionOrigin));
    expect(byGlimpse.map((r) => r.url)).toEqual([imageUrl()]);
    const byThePage = requests.filter((r) => r.initiator.startsWith(server.origin) || r.isolationKey.includes('127.0.0.1'));
    expect([...new Set(byThePage.filter((r) => !byGlimpse.includes(r)).map((r) => r.url))].sort()).toEqual(
      [pageUrl, imageUrl(), `${server.origin}/favicon.ico`].sort(),
    );
    // Everything else is Chromium's own housekeeping (no initiator at all), never to the test server.
    const rest = requests.filter((r) => !byGlimpse.includes(r) && !byThePage.includes(r));
    for (const request of rest) {
      expect(request.initiator, request.url).toBe('not an origin');
      expect(request.url).not.toContain('127.0.0.1');
    }
  });
});
