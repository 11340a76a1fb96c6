/**
 * The picture on screen is the truth: pictures a re-download would not give back (hotlink
 * protection, a session cookie, a one-time address, an endpoint that serves a different photo on
 * every request, a server gone after the page loaded) are identified as the user sees them, and
 * their server never sees a second request. Region select identifies whatever is inside a box.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { extensionSuite } from './support/extension-suite';
import { until, type ExtensionBrowser } from '../../harness/chromium';
import type { LatestOutcome } from '../../src/shared/types';
import { englishMessage, history, inServiceWorker, localStorage } from '../../harness/reading';
import { photoBytes } from './fixtures/hostile/images';
import { overlapArea, touches } from './support/card-geometry';
import { cards, identifyElement, rightClickAndIdentify, settledCard, tabIdOf, type Box } from '../../harness/menu';
import { dragBox, openRegionSelect, selectRegion } from '../../harness/region';
import { htmlPage, startServer, type TestServer } from '../../harness/server';

const PENGUIN = { file: 'n02056570_king_penguin.JPEG', label: 'King penguin' };
const SEA_LION = { file: 'n02077923_sea_lion.JPEG', label: 'Sea lion' };
const LOAF = { file: 'n07684084_French_loaf.JPEG', label: 'Baguette' };
const LLAMA = { file: 'n02437616_llama.JPEG', label: 'Llama' };
const FLAMINGO = { file: 'n02007558_flamingo.JPEG', label: 'Flamingo' };

const sendJpeg = (res: ServerResponse, file: string, headers: Record<string, string> = {}) =>
  res.writeHead(200, { 'content-type': 'image/jpeg', ...headers }).end(photoBytes(file));

/**
 * How two thumbnails (data URLs) of the same size differ, decoded in `page`: the mean difference
 * per colour value (0-255) and how many values differ by more than 60 (a label's edge would).
 */
async function thumbnailDifference(page: Page, a: string, b: string): Promise<{ mean: number; large: number }> {
  return page.evaluate(async (first, second) => {
    const values = async (url: string) => {
      const bitmap = await createImageBitmap(await (await fetch(url)).blob());
      const context = new OffscreenCanvas(bitmap.width, bitmap.height).getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      return context.getImageData(0, 0, bitmap.width, bitmap.height).data;
    };
    const [x, y] = [await values(first), await values(second)];
    if (x.length !== y.length) return { mean: 255, large: x.length };
    let sum = 0;
    let large = 0;
    for (let i = 0; i < x.length; i++) {
      if (i % 4 === 3) continue;
      const difference = Math.abs(x[i]! - y[i]!);
      sum += difference;
      if (difference > 60) large++;
    }
    return { mean: sum / ((x.length / 4) * 3), large };
  }, a, b);
}

describe('what is on screen is what gets identified', () => {
  const suite = extensionSuite({ servers: 2 });
  let ext: ExtensionBrowser;
  /** Serves the pages. */
  let site: TestServer;
  /** Another origin without CORS headers serves the pictures: the page cannot read their pixels. */
  let images: TestServer;

  beforeAll(() => {
    ({ ext, servers: [site, images] } = suite);
  });

  async function open(path: string, body: string): Promise<Page> {
    const page = await suite.newPage();
    await page.goto(htmlPage(site, path, body), { waitUntil: 'load' });
    await page.waitForFunction(() => [...document.images].every((img) => img.loading === 'lazy' || (img.complete && img.naturalWidth > 0)));
    return page;
  }

  const countOf = (server: TestServer, path: string) => server.requests.filter((seen) => seen === path).length;

  async function expectIdentified(page: Page, selector: string, label: string): Promise<void> {
    const before = (await cards(page)).length;
    await identifyElement(ext, page, selector);
    const card = (await settledCard(page, before + 1)).at(-1)!;
    expect(card.state, card.text).toBe('result');
    expect(card.text).toContain(label);
  }

  async function latestVia(pageUrl: string): Promise<string | undefined> {
    const entries = (await history(ext)).filter((entry) => entry.origin.pageUrl === pageUrl).sort((a, b) => b.createdAt - a.createdAt);
    return entries[0]?.via;
  }

  it('hotlink protection (403 without the page\'s Referer): identified from the screen, no second request', async () => {
    images.route('/hot/photo.jpg', (req: IncomingMessage, res: ServerResponse) => {
      if (!(req.headers.referer ?? '').startsWith(site.origin)) return void res.writeHead(403).end('hotlinking forbidden');
      sendJpeg(res, PENGUIN.file);
    });
    const page = await open('/hotlink.html', `<img id="photo" src="${images.origin}/hot/photo.jpg" width="400">`);
    await expectIdentified(page, '#photo', PENGUIN.label);
    expect(countOf(images, '/hot/photo.jpg')).toBe(1);
    expect(await latestVia(page.url())).toBe('capture');
  });

  it('a picture served only with the session cookie the page set: no second request carrying it', async () => {
    const withCookie: string[] = [];
    images.route('/private/photo.jpg', (req, res) => {
      withCookie.push(req.headers.cookie ?? '');
      if (!/session=signed-in/.test(req.headers.cookie ?? '')) return void res.writeHead(401).end('sign in');
      sendJpeg(res, SEA_LION.file);
    });
    // Cookies are per host, not per port: the page's cookie goes with its requests to the picture's server.
    const page = await open('/cookie.html', `<script>document.cookie = 'session=signed-in; path=/';</script><div id="slot"></div>
      <script>const img = new Image(); img.id = 'photo'; img.width = 400; img.src = '${images.origin}/private/photo.jpg'; document.getElementById('slot').append(img);</script>`);
    await expectIdentified(page, '#photo', SEA_LION.label);
    expect(withCookie).toEqual(['session=signed-in']);
    expect(await latestVia(page.url())).toBe('capture');
  });

  it('a one-time address (410 after the first download)', async () => {
    let served = 0;
    images.route('/once/photo.jpg', (_req, res) => (served++ === 0 ? sendJpeg(res, LOAF.file) : void res.writeHead(410).end('gone')));
    const page = await open('/once.html', `<img id="photo" src="${images.origin}/once/photo.jpg" width="400">`);
    await expectIdentified(page, '#photo', LOAF.label);
    expect(served).toBe(1);
  });

  it('a dynamic endpoint (a different photo on every request, no-store): the photo the user sees', async () => {
    const rotation = [LLAMA, FLAMINGO, PENGUIN];
    let served = 0;
    images.route('/random.jpg', (_req, res) => sendJpeg(res, rotation[served++ % rotation.length]!.file, { 'cache-control': 'no-store' }));
    const page = await open('/dynamic.html', `<img id="photo" src="${images.origin}/random.jpg" width="400">`);
    await expectIdentified(page, '#photo', LLAMA.label);
    expect(served).toBe(1);
  });

  it('a picture in a frame of another origin: found on screen through the frames (its download would be refused)', async () => {
    // The frame (another origin than the page) shows a photo from a third origin, which only its Referer gets.
    site.route('/framed/photo.jpg', (req, res) =>
      (req.headers.referer ?? '').startsWith(images.origin) ? sendJpeg(res, SEA_LION.file) : void res.writeHead(403).end('no'));
    htmlPage(images, '/framed.html', `<img id="photo" src="${site.origin}/framed/photo.jpg" width="400" style="display:block;margin:30px">`);
    const page = await open('/with-frame.html', `<h1>An embedded photo</h1>
      <iframe id="embed" src="${images.origin}/framed.html" style="width: 520px; height: 420px; margin-left: 60px; border: 6px solid #ccc"></iframe>`);
    const frame = await until(() => page.frames().find((f) => f.url().startsWith(images.origin)), 'the frame');
    await frame.waitForFunction(() => (document.querySelector('#photo') as HTMLImageElement).naturalWidth > 0);
    const before = countOf(site, '/framed/photo.jpg');
    await identifyElement(ext, frame, '#photo');
    const [card] = await settledCard(page);
    expect(card!.state, card!.text).toBe('result');
    expect(card!.text).toContain(SEA_LION.label);
    expect(countOf(site, '/framed/photo.jpg')).toBe(before);
    expect(await latestVia(frame.url())).toBe('capture');
  });

  it('a picture shown small is downloaded, and the download is checked against the screen', async () => {
    let served = 0;
    // The first answer is what the page shows; a second request gets another photo.
    images.route('/changing.jpg', (_req, res) => sendJpeg(res, (served++ === 0 ? LLAMA : PENGUIN).file, { 'cache-control': 'no-store' }));
    const page = await open('/small.html', `<img id="changing" src="${images.origin}/changing.jpg" width="200">
      <img id="steady" src="${images.origin}/samples/${FLAMINGO.file}" width="200">`);
    // Shown 200 px wide: too small to read from the screen alone.
    await expectIdentified(page, '#steady', FLAMINGO.label);
    expect(await latestVia(page.url())).toBe('download');
    // The download is another photo than the one on screen: the screen wins.
    await expectIdentified(page, '#changing', LLAMA.label);
    expect(served).toBe(2);
    expect(await latestVia(page.url())).toBe('capture');
  });

  it('a sticky header over the top of the picture: the visible part is read', async () => {
    const page = await open('/sticky.html', `<header style="position: fixed; top: 0; left: 0; right: 0; height: 140px; background: #123; color: #fff; font: 40px sans-serif">News</header>
      <div style="height: 100px"></div><img id="photo" src="${images.origin}/samples/${PENGUIN.file}" width="640"><div style="height: 2000px"></div>`);
    await page.evaluate(() => scrollTo(0, 60));
    const box = await page.$eval('#photo', (img) => img.getBoundingClientRect().toJSON() as DOMRect);
    expect(box.top).toBeLessThan(140);
    await rightClickAndIdentify(ext, page, box.left + box.width / 2, 140 + (box.bottom - 140) / 2);
    const [card] = await settledCard(page);
    expect(card!.state, card!.text).toBe('result');
    expect(card!.text).toContain(PENGUIN.label);
    expect(await latestVia(page.url())).toBe('capture');
  });

  it('at 150% browser zoom the capture is cropped in device pixels', async () => {
    const rotation = [SEA_LION, LLAMA];
    let served = 0;
    images.route('/zoomed.jpg', (_req, res) => sendJpeg(res, rotation[served++ % rotation.length]!.file, { 'cache-control': 'no-store' }));
    const page = await open('/zoom.html', `<p>Zoomed in.</p><img id="photo" src="${images.origin}/zoomed.jpg" width="300" style="margin-left: 90px">`);
    const worker = await ext.worker();
    const tabId = await tabIdOf(ext, page);
    await worker.evaluate((id: number) => chrome.tabs.setZoom(id, 1.5), tabId);
    await page.waitForFunction(() => devicePixelRatio === 1.5);
    await expectIdentified(page, '#photo', SEA_LION.label);
    expect(served).toBe(1);
    expect(await latestVia(page.url())).toBe('capture');
  });

  it('offline after load: the server is gone, the photo on screen is still identified', async () => {
    const gone = await startServer();
    const page = await open('/offline.html', `<img id="photo" src="${gone.origin}/samples/${PENGUIN.file}" width="400">`);
    await gone.close();
    await expectIdentified(page, '#photo', PENGUIN.label);
  });

  it('a carousel moves on while the menu is open: the photo right-clicked is named, read from the screen at the right-click, with no second request', async () => {
    const page = await open('/carousel.html', `<img id="photo" src="${images.origin}/samples/${LLAMA.file}" width="400">`);
    const box = await page.$eval('#photo', (img) => img.getBoundingClientRect().toJSON() as DOMRect);
    const shots = () => inServiceWorker<{ captures: number; held: number }>(ext, 'globalThis.glimpse.scanShots()');
    const captures = async () => (await shots()).captures;
    const [before, capturesBefore] = [countOf(images, `/samples/${LLAMA.file}`), await captures()];
    await rightClickAndIdentify(ext, page, box.left + box.width / 2, box.top + box.height / 2, {
      // The person reads the menu; meanwhile (once the right-click's capture is in, and the page has
      // drawn a few frames since, in which Glimpse checks nothing moved) the carousel moves on.
      afterRightClick: async () => {
        await until(async () => (await shots()).held > 0, 'the capture taken at the right-click');
        await page.evaluate(async () => {
          for (let i = 0; i < 4; i++) await new Promise(requestAnimationFrame);
        });
        await page.$eval('#photo', (img, next) => new Promise((loaded) => Object.assign(img as HTMLImageElement, { onload: loaded, src: next })), `${images.origin}/samples/${FLAMINGO.file}`);
      },
    });
    const [card] = await settledCard(page);
    // The label stands on the element, which shows the flamingo now: it names neither and says so.
    expect(card!.state, card!.text).toBe('changed');
    const entries = (await history(ext)).filter((entry) => entry.origin.pageUrl === page.url());
    expect(entries).toHaveLength(1);
    expect(entries[0]!.predictions[0]!.label.toLowerCase()).toBe(LLAMA.label.toLowerCase());
    expect(entries[0]!.via).toBe('capture');
    expect(countOf(images, `/samples/${LLAMA.file}`) - before).toBe(0);
    expect(await captures()).toBe(capturesBefore + 1);
  });

  it('a picture far below the fold (scrolled away after the right-click) is downloaded, once', async () => {
    const page = await open('/below.html', `<p id="top">Scroll down for the photo.</p><div style="height: 3000px"></div>
      <img id="photo" loading="lazy" src="${images.origin}/samples/${SEA_LION.file}" width="400">
      <script>addEventListener('contextmenu', () => setTimeout(() => scrollTo(0, 0)));</script>`);
    await page.$eval('#photo', (img) => img.scrollIntoView({ block: 'center' }));
    await page.waitForFunction(() => (document.querySelector('#photo') as HTMLImageElement).naturalWidth > 0);
    const box = await page.$eval('#photo', (img) => img.getBoundingClientRect().toJSON() as DOMRect);
    const before = countOf(images, `/samples/${SEA_LION.file}`);
    await rightClickAndIdentify(ext, page, box.left + box.width / 2, box.top + box.height / 2);
    const [card] = await settledCard(page);
    expect(card!.state).toBe('result');
    expect(await page.evaluate(() => scrollY)).toBe(0);
    // The card waits beside the picture, out of view: it reads the answer once scrolled to.
    await page.$eval('#photo', (img) => img.scrollIntoView({ block: 'center' }));
    await until(async () => (await cards(page))[0]?.text.includes(SEA_LION.label), 'the card to read when scrolled to');
    expect(countOf(images, `/samples/${SEA_LION.file}`) - before).toBe(1);
    expect(await latestVia(page.url())).toBe('download');
  });

  it('off screen and its download refused: says so, and offers the two ways out', async () => {
    images.route('/guarded.jpg', (req, res) =>
      (req.headers.referer ?? '').startsWith(site.origin) ? sendJpeg(res, LOAF.file) : void res.writeHead(403).end('no'));
    const page = await open('/guarded.html', `<p>Scroll down.</p><div style="height: 3000px"></div>
      <img id="photo" src="${images.origin}/guarded.jpg" width="400">
      <script>addEventListener('contextmenu', () => setTimeout(() => scrollTo(0, 0)));</script>`);
    await page.$eval('#photo', (img) => img.scrollIntoView({ block: 'center' }));
    const box = await page.$eval('#photo', (img) => img.getBoundingClientRect().toJSON() as DOMRect);
    await rightClickAndIdentify(ext, page, box.left + box.width / 2, box.top + box.height / 2);
    const [card] = await settledCard(page);
    expect(card!.state).toBe('error');
    expect(card!.errorCode).toBe('off-screen');
    // The card waits beside the picture, out of view; the popup says the same.
    const latest = (await localStorage(ext)).latest as LatestOutcome;
    expect(latest.kind === 'error' && latest.error).toMatchObject({ code: 'off-screen', status: 403 });
    const sentence = englishMessage({ code: 'off-screen', status: 403 });
    expect(sentence).toMatch(/isn't on screen, and its server refused to send it \(HTTP 403\)\. Scroll it into view.*Identify a region/);
    await page.$eval('#photo', (img) => img.scrollIntoView({ block: 'center' }));
    await until(async () => (await cards(page))[0]?.text.includes(sentence), 'the card to read when scrolled to');
  });

  describe('region select', () => {
    const collage = `<div id="collage" style="display: flex; gap: 0; width: 800px">
      <img id="left" src="/samples/${PENGUIN.file}" style="width: 400px; height: 300px; margin: 0; object-fit: cover">
      <img id="right" src="/samples/${LOAF.file}" style="width: 400px; height: 300px; margin: 0; object-fit: cover">
    </div>`;
    const boxOf = (page: Page, selector: string): Promise<Box> =>
      page.$eval(selector, (node) => {
        const rect = node.getBoundingClientRect();
        return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
      });
    const inset = (box: Box, by: number): Box => ({ left: box.left + by, top: box.top + by, width: box.width - 2 * by, height: box.height - 2 * by });

    it('each half of a collage gives its own photo, its label on the box; Glimpse\'s own labels never show in a capture', async () => {
      const page = await open('/collage.html', collage);
      const leftBox = inset(await boxOf(page, '#left'), 10);
      const rightBox = inset(await boxOf(page, '#right'), 10);
      await selectRegion(ext, page, leftBox);
      const [first] = await settledCard(page);
      expect(first!.state, first!.text).toBe('result');
      expect(first!.text).toContain(PENGUIN.label);
      expect(touches(first!.box!, leftBox), JSON.stringify(first!.box)).toBe(true);
      expect(await page.$('[data-glimpse-region]')).toBeNull();

      await selectRegion(ext, page, rightBox);
      const both = await settledCard(page, 2);
      expect(both[1]!.state, both[1]!.text).toBe('result');
      expect(both[1]!.text).toContain(LOAF.label);
      expect(touches(both[1]!.box!, rightBox), JSON.stringify(both[1]!.box)).toBe(true);

      // The same box again, now with the first label on it: a capture that saw the label would
      // differ from the first one. The thumbnails (made from the captured pixels) are the same
      // picture, up to the JPEG capture's noise; a label in one would differ by far more.
      expect(overlapArea(both[0]!.box!, leftBox)).toBeGreaterThan(0);
      await selectRegion(ext, page, leftBox);
      await settledCard(page, 3);
      // History is written just after the answer reaches the page, and its thumbnails a moment later.
      const entries = await until(async () => {
        const all = (await history(ext)).filter((entry) => entry.origin.pageUrl === page.url()).sort((a, b) => a.createdAt - b.createdAt);
        return all.length === 3 && all.every((entry) => entry.thumbnail) ? all : undefined;
      }, 'three history entries with their thumbnails');
      expect(entries.map((entry) => entry.via)).toEqual(['region', 'region', 'region']);
      const again = await thumbnailDifference(page, entries[0]!.thumbnail, entries[2]!.thumbnail);
      expect(again.mean, JSON.stringify(again)).toBeLessThan(2);
      expect(again.large, JSON.stringify(again)).toBeLessThanOrEqual(20);
      expect((await thumbnailDifference(page, entries[0]!.thumbnail, entries[1]!.thumbnail)).mean).toBeGreaterThan(10);
    });

    it('the popup\'s button starts it on the page; the details say the pixels came from a region; the setting is one switch', async () => {
      const page = await open('/collage-popup.html', collage);
      await page.bringToFront();
      // The pop-out window: a window of its own, so the page's tab stays the active one.
      const worker = await ext.worker();
      await worker.evaluate(() => chrome.windows.create({ url: chrome.runtime.getURL('src/popup/index.html'), type: 'popup', width: 400, height: 600 }));
      const popup = (await (await ext.browser.waitForTarget((t) => t.url().endsWith('src/popup/index.html') && t.type() === 'page')).page())!;
      suite.closeAfterTest(popup);
      await popup.waitForSelector('main[data-ready="true"]');
      await (await popup.waitForSelector('.region-button'))!.click();
      await page.waitForSelector('[data-glimpse-region]');
      await dragBox(page, inset(await boxOf(page, '#right'), 20));
      const [card] = await settledCard(page);
      expect(card!.text).toContain(LOAF.label);

      const never = (await popup.waitForSelector('#never-contact'))!;
      expect(await never.evaluate((box) => (box as HTMLInputElement).checked)).toBe(false);
      await never.click();
      await until(async () => (await localStorage(ext)).neverContactServers === true, 'the setting to be stored');
      await never.click();
      await until(async () => (await localStorage(ext)).neverContactServers === false, 'the setting to be switched off');

      await (await popup.waitForSelector('.entry-open'))!.click();
      expect(await (await popup.waitForSelector('dd.via'))!.evaluate((dd) => dd.textContent)).toBe('Region you selected');
    });

    it('Esc cancels: the page is no longer dimmed and no card appears', async () => {
      const page = await open('/collage-esc.html', collage);
      await openRegionSelect(ext, page);
      await page.keyboard.press('Escape');
      await until(async () => (await page.$('[data-glimpse-region]')) === null, 'the dimming to go');
      // A drag after cancelling is an ordinary drag on the page: nothing is identified.
      await dragBox(page, inset(await boxOf(page, '#left'), 10));
      expect(await cards(page)).toEqual([]);
      expect((await history(ext)).filter((entry) => entry.origin.pageUrl === page.url())).toEqual([]);
    });
  });
});
