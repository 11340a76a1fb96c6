/**
 * Privacy: identifying a picture on screen makes no request at all (its pixels are read from the
 * page or a capture of the screen); only a picture off screen is downloaded, once, and never with
 * "never contact image servers"; an upload makes none. Three witnesses: DevTools' Network domain on every
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
import { launchWithExtension, openPopup, until, type ExtensionBrowser } from '../../harness/chromium';
import { englishMessage, history, inServiceWorker, localStorage } from '../../harness/reading';
import { PHOTO, photoBytes } from './fixtures/hostile/images';
import { identifyElement, settledCard } from '../../harness/menu';
import { htmlPage, startServer, type TestServer } from '../../harness/server';

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

const SEA_LION = 'n02077923_sea_lion.JPEG';
const LLAMA = 'n02437616_llama.JPEG';
const ZEBRA = 'n02391049_zebra.JPEG';
const FLAMINGO = 'n02007558_flamingo.JPEG';
const VOLCANO = 'n09472597_volcano.JPEG';

describe('privacy: nothing leaves the machine but the image the user pointed at', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  /** Another origin, without CORS headers: its pictures' pixels are the page's to show, not to read. */
  let other: TestServer;
  let work: string;
  let netLog: string;
  const seen: SeenRequest[] = [];
  const watched = new Set<Target>();
  let pageUrl = '';
  const imageUrl = () => `${server.origin}/samples/${PHOTO.file}`;
  const offScreenUrl = () => `${other.origin}/samples/${LLAMA}`;

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
    [server, other] = await Promise.all([startServer(), startServer()]);
    work = await mkdtemp(join(tmpdir(), 'glimpse-privacy-'));
    netLog = join(work, 'netlog.json');
    ext = await launchWithExtension({ extraArgs: [`--log-net-log=${netLog}`, '--net-log-capture-mode=Default'] });
    ext.browser.on('targetcreated', (target: Target) => void watch(target));
    for (const target of ext.browser.targets()) await watch(target);
  });
  afterAll(async () => {
    await ext?.close().catch(() => undefined); // the last test closed it already, to complete the net log
    await Promise.all([server?.close(), other?.close()]);
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

  /** Requests that left the browser since `since` (DevTools and the server), for the picture at `path`. */
  const glimpseRequests = (since: number) => leaving().slice(since).filter((r) => r.by === 'service_worker' || r.by === 'background_page');

  async function openPage(path: string, body: string): Promise<Page> {
    const page = await ext.browser.newPage();
    await page.goto(htmlPage(server, path, body), { waitUntil: 'load' });
    await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
    return page;
  }

  it('a picture on screen is identified with no request at all: its own pixels, or a capture of the screen', async () => {
    const page = await openPage('/privacy.html', `<img id="photo" src="/samples/${PHOTO.file}" width="400">
      <img id="other" src="${other.origin}/samples/${SEA_LION}" width="400">`);
    pageUrl = page.url();
    const before = { seen: leaving().length, server: server.requests.length, other: other.requests.length };
    await identifyElement(ext, page, '#photo', { srcUrl: imageUrl(), mediaType: 'image' });
    await identifyElement(ext, page, '#other', { srcUrl: `${other.origin}/samples/${SEA_LION}`, mediaType: 'image' });
    const [first, second] = await settledCard(page, 2);
    expect(first!.text.toLowerCase()).toContain(PHOTO.label);
    expect(second!.text).toContain('Sea lion');
    expect(leaving().slice(before.seen).map((r) => `${r.by}: ${r.url}`)).toEqual([]);
    // The tab's own icon is Chromium's request for the page, whenever it gets to it (the net-log
    // test below shows it comes from the page, not from Glimpse).
    expect(server.requests.slice(before.server).filter((path) => path !== '/favicon.ico')).toEqual([]);
    expect(other.requests.slice(before.other)).toEqual([]);
    const vias = (await history(ext)).filter((entry) => entry.origin.pageUrl === page.url()).map((entry) => entry.via).sort();
    expect(vias).toEqual(['capture', 'page']);
    await page.close();
  });

  /** Pictures shown by a frame's own document, an <object> and an <embed> (another site's, large, on screen). */
  const embeddedUrls = () => ({
    srcdoc: `${other.origin}/samples/${ZEBRA}`,
    object: `${other.origin}/samples/${FLAMINGO}`,
    embed: `${other.origin}/samples/${VOLCANO}`,
  });
  let embeddedPageUrl = '';

  it('pictures in an <iframe srcdoc>, an <object> and an <embed> on screen are read from the screen too: no request', async () => {
    const urls = embeddedUrls();
    const page = await ext.browser.newPage();
    embeddedPageUrl = htmlPage(server, '/privacy-embedded.html', `<div style="display:flex;gap:10px;align-items:flex-start">
      <iframe id="doc" style="width:410px;height:310px;border:0" srcdoc="<body style='margin:0'><img id='photo' src='${urls.srcdoc}' width='400' height='300' style='display:block;object-fit:cover'></body>"></iframe>
      <object id="object" data="${urls.object}" type="image/jpeg" width="400" height="300"></object>
      <embed id="embed" src="${urls.embed}" type="image/jpeg" width="400" height="300">
    </div>`);
    await page.goto(embeddedPageUrl, { waitUntil: 'load' });
    const frame = page.frames().find((candidate) => candidate !== page.mainFrame())!;
    await frame.waitForFunction(() => (document.querySelector('#photo') as HTMLImageElement | null)?.complete === true);
    await until(() => ['/samples/' + ZEBRA, '/samples/' + FLAMINGO, '/samples/' + VOLCANO].every((path) => other.requests.includes(path)), 'the page to load its pictures');
    const before = { seen: leaving().length, server: server.requests.length, other: other.requests.length };
    await identifyElement(ext, frame, '#photo', { srcUrl: urls.srcdoc, mediaType: 'image' });
    await identifyElement(ext, page, '#object');
    await identifyElement(ext, page, '#embed');
    const shown = await settledCard(page, 3);
    const texts = shown.map((card) => card.text.toLowerCase());
    expect(texts.some((text) => text.includes('zebra')), JSON.stringify(texts)).toBe(true);
    expect(texts.some((text) => text.includes('flamingo')), JSON.stringify(texts)).toBe(true);
    expect(texts.some((text) => text.includes('volcano')), JSON.stringify(texts)).toBe(true);
    expect(leaving().slice(before.seen).map((r) => `${r.by}: ${r.url}`)).toEqual([]);
    expect(server.requests.slice(before.server).filter((path) => path !== '/favicon.ico')).toEqual([]);
    expect(other.requests.slice(before.other)).toEqual([]);
    const vias = (await history(ext)).filter((entry) => entry.origin.pageUrl === page.url()).map((entry) => entry.via);
    expect(vias.every((via) => via === 'capture' || via === 'page'), JSON.stringify(vias)).toBe(true);
    await page.close();
  });

  /** A page whose photo (from the other origin) is scrolled away right after the right-click. */
  async function identifyOffScreen(path: string): Promise<Page> {
    const page = await openPage(path, `<p>Scroll down.</p><div style="height: 3000px"></div>
      <img id="photo" src="${offScreenUrl()}" width="400">
      <script>addEventListener('contextmenu', () => setTimeout(() => scrollTo(0, 0)));</script>`);
    await identifyElement(ext, page, '#photo', { srcUrl: offScreenUrl(), mediaType: 'image' });
    await settledCard(page);
    return page;
  }

  it('a picture off screen is downloaded once, by the service worker, and nothing else', async () => {
    const before = { seen: leaving().length, other: other.requests.length };
    const page = await identifyOffScreen('/privacy-below.html');
    expect(((await localStorage(ext)).latest as { kind: string }).kind).toBe('answer');
    expect(glimpseRequests(before.seen).map((r) => r.url)).toEqual([offScreenUrl()]);
    // The page's own load of the photo, then Glimpse's download.
    expect(other.requests.slice(before.other)).toEqual([`/samples/${LLAMA}`, `/samples/${LLAMA}`]);
    const worker = await inServiceWorker<string>(ext, 'location.href');
    expect(glimpseRequests(before.seen)[0]?.target.url()).toBe(worker);
    await page.close();
  });

  it('"never contact image servers": an off-screen picture is not downloaded, and the user is told why', async () => {
    await inServiceWorker(ext, 'chrome.storage.local.set({ neverContactServers: true })');
    await until(async () => (await localStorage(ext)).neverContactServers === true, 'the setting to be stored');
    const before = { seen: leaving().length, other: other.requests.length };
    const page = await identifyOffScreen('/privacy-never.html');
    const latest = (await localStorage(ext)).latest as { kind: string; error?: { code: string } };
    expect(latest.error?.code).toBe('off-screen-no-download');
    expect(englishMessage('off-screen-no-download')).toMatch(/never to contact image servers\. Scroll it into view.*Identify a region/);
    expect(glimpseRequests(before.seen)).toEqual([]);
    expect(other.requests.slice(before.other)).toEqual([`/samples/${LLAMA}`]);
    await inServiceWorker(ext, 'chrome.storage.local.set({ neverContactServers: false })');
    await page.close();
  });

  it('Chromium\'s net log, from the first moment of the browser, agrees', async () => {
    await ext.close();
    const requests = netLogRequests(netLog);
    expect(requests.length).toBeGreaterThan(0);
    const extensionOrigin = `chrome-extension://${ext.extensionId}`;
    const byGlimpse = requests.filter((r) => r.initiator.startsWith(extensionOrigin) || r.isolationKey.includes(extensionOrigin));
    // The one download: the picture that was off screen.
    expect(byGlimpse.map((r) => r.url)).toEqual([offScreenUrl()]);
    const byThePage = requests.filter((r) => r.initiator.startsWith(server.origin) || r.isolationKey.includes('127.0.0.1'));
    expect([...new Set(byThePage.filter((r) => !byGlimpse.includes(r)).map((r) => r.url))].sort()).toEqual(
      [pageUrl, imageUrl(), `${other.origin}/samples/${SEA_LION}`, `${server.origin}/favicon.ico`,
        `${server.origin}/privacy-below.html`, `${server.origin}/privacy-never.html`, offScreenUrl(),
        embeddedPageUrl, ...Object.values(embeddedUrls())].sort(),
    );
    // Everything else is Chromium's own housekeeping (no initiator at all), never to the test server.
    const rest = requests.filter((r) => !byGlimpse.includes(r) && !byThePage.includes(r));
    for (const request of rest) {
      expect(request.initiator, request.url).toBe('not an origin');
      expect(request.url).not.toContain('127.0.0.1');
    }
  });
});
