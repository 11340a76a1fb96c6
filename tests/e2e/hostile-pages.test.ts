/**
 * Hostile pages: pages that try to choose, read, fake or delay the user's identification, and
 * pages that change under the open menu. Each test is what the user did and what they must see.
 * docs/RELIABILITY.md ("Hostile pages") lists every case; the last test checks it does.
 */
import { readFileSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EngineStats, LatestOutcome } from '../../src/shared/types';
import type { RateLimitStats } from '../../src/background/rate-limit';
import { launchWithExtension, openPopup, type ExtensionBrowser } from '../../harness/chromium';
import { PHOTO_PATH } from './fixtures/hostile/cases';
import { closeEngine, history, inServiceWorker, localStorage, settledLatest } from '../../harness/reading';
import { gradientPng, PHOTO, photoBytes } from './fixtures/hostile/images';
import { fakeRightClickLoop, imagesLoaded, markup, photo, svgDocument, targetAndDecoy, thousandsOfPictures, VOLCANO_PATH } from './fixtures/hostile/pages';
import { overlapArea, touches } from './support/card-geometry';
import { cards, identifyElement, settledCard, type Box, type CardState, type MenuTarget } from '../../harness/menu';
import { htmlPage, startServer, type TestServer } from '../../harness/server';

describe('hostile pages: no page can choose, fake or delay what the user identifies', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  let other: TestServer;
  const crashes: string[] = [];

  beforeAll(async () => {
    [server, other] = await Promise.all([startServer(), startServer()]);
    ext = await launchWithExtension();
    const worker = await ext.worker();
    worker.on('console', (message) => {
      if (message.type() === 'error') crashes.push(`service worker: ${message.text()}`);
    });
  });
  afterAll(async () => {
    await ext?.close();
    await Promise.all([server?.close(), other?.close()]);
  });

  async function open(where: TestServer, name: string, body: string, title = name): Promise<Page> {
    const page = await ext.browser.newPage();
    page.on('pageerror', (error) => crashes.push(`page ${name}: ${String(error)}`));
    await page.goto(htmlPage(where, `/trust/${encodeURIComponent(name)}.html`, body, title), { waitUntil: 'load' });
    await imagesLoaded(page);
    return page;
  }

  const boxOf = (page: Page, selector: string): Promise<Box> =>
    page.$eval(selector, (node) => {
      const rect = node.getBoundingClientRect();
      return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
    });

  /** Right-clicks #target, lets `meanwhile` change the page under the open menu, chooses "Identify image". */
  async function identifyTarget(page: Page, meanwhile?: (page: Page) => Promise<void>, srcUrl = `${server.origin}${PHOTO_PATH}`): Promise<CardState> {
    const before = (await cards(page)).length;
    const target: MenuTarget = { srcUrl, mediaType: 'image', afterRightClick: meanwhile && (() => meanwhile(page)) };
    await identifyElement(ext, page, '#target', target);
    return (await settledCard(page, before + 1)).at(-1)!;
  }

  const expectNamed = (card: CardState, label: string) => {
    expect(card.state, card.text).toBe('result');
    expect(card.text.toLowerCase()).toContain(label);
  };

  /** The card stands by its picture (within it or touching it), as a person would see it. */
  const expectBeside = (card: CardState, picture: Box) => {
    expect(card.box).not.toBeNull();
    expect(touches(card.box!, picture), `card ${JSON.stringify(card.box)} by picture ${JSON.stringify(picture)}`).toBe(true);
  };

  const offscreenDocuments = () =>
    inServiceWorker<number>(ext, `chrome.runtime.getContexts({ contextTypes: ['OFFSCREEN_DOCUMENT'] }).then((c) => c.length)`);
  const rateLimits = () => inServiceWorker<RateLimitStats>(ext, 'globalThis.glimpse.rateLimits()');

  it('a background tab firing fake right-clicks in a loop loads nothing; the user\'s identification in another tab is unaffected', async () => {
    await closeEngine(ext);
    const background = await open(other, 'fake right-clicks', `${photo('target', PHOTO_PATH)}${fakeRightClickLoop(5000)}`);
    await background.waitForFunction(() => Number(document.body.dataset.fired) >= 5000, { timeout: 60_000 });
    // 5,000 fake right-clicks later: no engine, no model, not one request reached the service worker.
    expect(await offscreenDocuments()).toBe(0);
    expect(await rateLimits()).toEqual({ allowed: { warm: 0, 'hold-pixels': 0, 'report-error': 0, identify: 0, scan: 0, 'classify-frame': 0 }, refused: { warm: 0, 'hold-pixels': 0, 'report-error': 0, identify: 0, scan: 0, 'classify-frame': 0 } });
    // The user, in another tab, while the loop goes on.
    const page = await open(server, 'user tab', photo('target', PHOTO_PATH));
    const card = await identifyTarget(page);
    expectNamed(card, PHOTO.label);
    expect(Number(await background.evaluate(() => document.body.dataset.fired))).toBeGreaterThan(5000);
    const stats = await inServiceWorker<EngineStats>(ext, 'globalThis.glimpse.engineStats()');
    expect(stats.modelLoads).toBe(1);
    // Exactly the user's one right-click warmed the engine; the page's fake Escapes closed no card.
    expect((await rateLimits()).allowed.warm).toBe(1);
    expect(await cards(page)).toHaveLength(1);
    await background.close();
    await page.close();
  });

  it('a page that fakes a right-click on another picture cannot make Glimpse identify it', async () => {
    const page = await open(server, 'retarget', `${targetAndDecoy()}<script>
      addEventListener('contextmenu', (event) => {
        if (!event.isTrusted) return;
        const decoy = document.getElementById('decoy').getBoundingClientRect();
        setTimeout(() => document.getElementById('decoy').dispatchEvent(new MouseEvent('contextmenu', { bubbles: true, clientX: decoy.left + 20, clientY: decoy.top + 20 })), 0);
      }, true);
    </script>`);
    const card = await identifyTarget(page, async (p) => void (await p.evaluate(() => new Promise((r) => setTimeout(r, 50)))));
    expectNamed(card, PHOTO.label);
    expectBeside(card, await boxOf(page, '#target'));
    await page.close();
  });

  it('a carousel swaps the picture while the menu is open: the right-clicked picture is identified, and its label on the new one says the picture changed', async () => {
    const page = await open(server, 'carousel', photo('target', PHOTO_PATH));
    const card = await identifyTarget(page, async (p) => {
      await p.$eval('#target', (img, next) => new Promise((r) => { (img as HTMLImageElement).onload = r; (img as HTMLImageElement).src = next; }), VOLCANO_PATH);
    });
    // The label sits on the element, which shows the volcano now: it names neither picture.
    expect(card.state, card.text).toBe('changed');
    expect(card.text).toBe('Picture changed · Identify again');
    expectBeside(card, await boxOf(page, '#target'));
    const latest = (await localStorage(ext)).latest as LatestOutcome;
    const entry = (await history(ext)).find((e) => latest.kind === 'answer' && e.id === latest.entryId);
    expect(entry?.origin.imageUrl).toBe(`${server.origin}${PHOTO_PATH}`);
    await page.close();
  });

  it('the page replaces the picture\'s element while the menu is open: the right-clicked picture is named', async () => {
    const page = await open(server, 'replaced', `<div id="slot">${photo('target', PHOTO_PATH)}</div>`);
    const card = await identifyTarget(page, async (p) => {
      await p.evaluate((next) => new Promise((r) => {
        const img = Object.assign(document.createElement('img'), { id: 'target', width: 240, height: 180, onload: r });
        img.src = next;
        document.getElementById('slot')!.replaceChildren(img);
      }), VOLCANO_PATH);
    });
    expectNamed(card, PHOTO.label);
    await page.close();
  });

  it('a banner pushes the picture down while the menu is open (another picture lands under the pointer): the card names the right-clicked one, beside it', async () => {
    const page = await open(server, 'pushed down', photo('target', PHOTO_PATH));
    const card = await identifyTarget(page, async (p) => {
      await p.evaluate((banner) => new Promise((r) => {
        const ad = Object.assign(document.createElement('img'), { width: 240, height: 180, onload: r });
        ad.style.display = 'block';
        ad.src = banner;
        document.body.prepend(ad);
      }), VOLCANO_PATH);
    });
    expectNamed(card, PHOTO.label);
    const moved = await boxOf(page, '#target');
    expect(moved.top).toBeGreaterThan(150);
    expectBeside(card, moved);
    const banner = await boxOf(page, 'img:not(#target)');
    expect(overlapArea(card.box!, banner) / (banner.width * banner.height)).toBeLessThanOrEqual(0.1);
    await page.close();
  });

  it('an .svg file opened in its own tab: the card appears there', async () => {
    server.route('/trust/drawing.svg', (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/svg+xml' });
      res.end(svgDocument(photoBytes()));
    });
    const page = await ext.browser.newPage();
    page.on('pageerror', (error) => crashes.push(`svg document: ${String(error)}`));
    await page.goto(`${server.origin}/trust/drawing.svg`, { waitUntil: 'load' });
    await identifyElement(ext, page, '#target', {});
    const [card] = await settledCard(page, 1);
    expectNamed(card!, PHOTO.label);
    await page.close();
  });

  it('a page opened as http://user:password@host/: its picture is identified, and the password is nowhere in history or the popup', async () => {
    const secret = 'pw-7f3a9c';
    const expected = `Basic ${Buffer.from(`reader:${secret}`).toString('base64')}`;
    const guarded = (type: string, body: () => Buffer | string) => (req: IncomingMessage, res: ServerResponse) => {
      if (req.headers.authorization !== expected) res.writeHead(401, { 'www-authenticate': 'Basic realm="class"' }).end('sign in');
      else res.writeHead(200, { 'content-type': type }).end(body());
    };
    server.route('/private/page.html', guarded('text/html', () => `<!doctype html><title>Private album</title>${photo('target', 'penguin.jpg')}`));
    server.route('/private/penguin.jpg', guarded('image/jpeg', () => photoBytes()));
    const page = await ext.browser.newPage();
    await page.goto(`${server.origin.replace('http://', `http://reader:${secret}@`)}/private/page.html`, { waitUntil: 'load' });
    await imagesLoaded(page);
    const srcUrl = await page.$eval('#target', (img) => (img as HTMLImageElement).src);
    const card = await identifyTarget(page, undefined, srcUrl);
    expectNamed(card, PHOTO.label);
    const stored = JSON.stringify(await localStorage(ext));
    expect(stored).toContain(`${server.origin}/private/page.html`);
    expect(stored).not.toContain(secret);
    expect(stored).not.toContain('reader');
    const popup = await openPopup(ext);
    await popup.waitForSelector('section.latest[data-state="answer"]');
    expect(await popup.evaluate(() => document.documentElement.outerHTML)).not.toContain(secret);
    await popup.close();
    await page.close();
  });

  it('a title, an address and a file name full of HTML are shown as text, never run', async () => {
    const file = `/h/${encodeURIComponent(markup('file'))}.jpg`;
    server.route(file, (_req, res) => void res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photoBytes()));
    const title = markup('title');
    const page = await open(server, 'markup', `${photo('target', file)}`, title.replace(/</g, '&lt;'));
    expect(await page.title()).toBe(title);
    const card = await identifyTarget(page, undefined, `${server.origin}${file}`);
    expectNamed(card, PHOTO.label);
    const popup = await openPopup(ext);
    await popup.waitForSelector('section.latest[data-state="answer"]');
    // The newest history entry, opened: its page's title is shown, as text.
    await (await popup.waitForSelector('.entry-open'))!.click();
    await popup.waitForFunction((t: string) => [...document.querySelectorAll('.file-name')].some((e) => e.textContent === t), {}, title);
    expect(await popup.$$eval('img', (imgs) => imgs.filter((img) => img.getAttribute('src')?.includes('/beacon/')).length)).toBe(0);
    await popup.close();
    await page.close();
    expect(server.requests.filter((path) => path.startsWith('/beacon/title') || path.startsWith('/beacon/file'))).toEqual([]);
  });

  it('3,000 pictures on one page: the right-clicked one is named, beside itself', async () => {
    server.route('/h/tiny.png', (_req, res) => void res.writeHead(200, { 'content-type': 'image/png' }).end(gradientPng()));
    const page = await open(server, 'three thousand', thousandsOfPictures(3000, '/h/tiny.png'));
    expect(await page.$$eval('img', (imgs) => imgs.length)).toBe(3001);
    const card = await identifyTarget(page);
    expectNamed(card, PHOTO.label);
    expectBeside(card, await boxOf(page, '#target'));
    await page.close();
  });

  it('100 "Identify image" in a burst on one picture: one card with the answer, one download, nothing refused', async () => {
    const page = await open(server, 'burst', photo('target', `${PHOTO_PATH}?burst`));
    const since = Date.now();
    const before = server.requests.filter((path) => path === PHOTO_PATH).length;
    const srcUrl = `${server.origin}${PHOTO_PATH}?burst`;
    await identifyElement(ext, page, '#target', { srcUrl, mediaType: 'image' });
    await inServiceWorker(ext, `chrome.tabs.query({}).then((tabs) => {
      const tab = tabs.find((t) => t.url === ${JSON.stringify(page.url())});
      for (let i = 0; i < 99; i++) chrome.contextMenus.onClicked.dispatch({ menuItemId: 'identify-image', editable: false, pageUrl: tab.url, srcUrl: ${JSON.stringify(srcUrl)}, mediaType: 'image', frameId: 0 }, tab);
      return true;
    })`);
    const settled = await settledCard(page, 1);
    expect(settled).toHaveLength(1);
    expectNamed(settled[0]!, PHOTO.label);
    const latest = await settledLatest(ext, since);
    expect(latest.kind).toBe('answer');
    expect((await rateLimits()).refused.identify).toBe(0);
    expect(server.requests.filter((path) => path === PHOTO_PATH).length - before).toBeLessThanOrEqual(1);
    await page.close();
  });

  it('nothing crashed on any page or in the service worker', () => {
    expect(crashes).toEqual([]);
  });

  it('docs/RELIABILITY.md lists every hostile page', () => {
    const doc = readFileSync(join(process.cwd(), 'docs/RELIABILITY.md'), 'utf8');
    for (const name of [
      'A background tab fires fake right-clicks in a loop', 'A page fakes a right-click on another picture',
      'A carousel swaps the picture while the menu is open', 'The page replaces the picture\'s element while the menu is open',
      'A banner pushes the picture down while the menu is open', 'An .svg file opened in its own tab',
      'A page opened as http://user:password@host/', 'A title, an address and a file name full of HTML',
      '3,000 pictures on one page', '100 "Identify image" in a burst on one picture',
      'Glimpse reloads (as after every update) while a page is open', 'A page opened while Glimpse was switched off',
    ]) expect(doc, name).toContain(`| ${name} |`);
  });
});
