/**
 * "Identify image" on every kind of picture a person meets, end to end: a real right-click in
 * Chromium, the menu's click as Chrome would send it, the service worker, the offscreen model,
 * and the card beside the picture. The photos are ones the model gets right.
 */
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, until, type ExtensionBrowser } from './chromium';
import { cards, identifyElement, rightClickAndIdentify, settledCard, type Box, type CardState, type MenuTarget } from './menu';
import { startServer, type TestServer } from './server';

const GAP = 8;

/** GLIMPSE_SCREENSHOTS=<folder> saves how the cards look, for a person to check. */
async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.GLIMPSE_SCREENSHOTS;
  if (!folder) return;
  // Without the card's fade-in, the picture shows the card as it stays.
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.screenshot({ path: join(folder, `${name}.png`) });
}

interface HistoryRecord {
  origin: { pageUrl?: string; imageUrl?: string };
  predictions: { label: string }[];
}

describe('"Identify image" works on every kind of picture', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  /** A second origin (another port) that sends no CORS headers. */
  let other: TestServer;
  const pages: Page[] = [];

  beforeAll(async () => {
    [server, other] = await Promise.all([startServer(), startServer()]);
    ext = await launchWithExtension();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close().catch(() => undefined);
  });
  afterAll(async () => {
    await ext?.close();
    await Promise.all([server?.close(), other?.close()]);
  });

  async function open(path: string, ready?: string): Promise<Page> {
    const page = await ext.browser.newPage();
    pages.push(page);
    await page.goto(`${server.origin}/identify/${path}`, { waitUntil: 'load' });
    if (ready) await page.waitForSelector(ready);
    return page;
  }

  const boxOf = async (where: Page | Frame, selector: string): Promise<Box> => {
    const element = await where.waitForSelector(selector);
    return element!.evaluate((node) => {
      const rect = node.getBoundingClientRect();
      return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
    });
  };

  const scrollSize = (page: Page) =>
    page.evaluate(() => ({ width: document.documentElement.scrollWidth, height: document.documentElement.scrollHeight }));

  /** What Chrome reports for a right-clicked <img>: the address it shows (currentSrc). */
  const imageMenuTarget = async (where: Page | Frame, selector: string): Promise<MenuTarget> => ({
    srcUrl: await (await where.waitForSelector(selector))!.evaluate((img) => (img as HTMLImageElement).currentSrc),
    mediaType: 'image',
  });

  /** Beside the picture: just right of it, level with its top (yet wholly on screen). */
  function expectBeside(card: CardState, image: Box): void {
    expect(card.box, 'the card has a box').not.toBeNull();
    const lowest = card.viewport.height - GAP - card.box!.height;
    expect(Math.abs(card.box!.left - (image.left + image.width + GAP))).toBeLessThanOrEqual(1);
    expect(Math.abs(card.box!.top - Math.min(Math.max(image.top, GAP), lowest))).toBeLessThanOrEqual(1);
  }

  async function historyFor(pageUrl: string): Promise<HistoryRecord[]> {
    const worker = await ext.worker();
    const entries = await worker.evaluate(async () =>
      Object.entries(await chrome.storage.local.get(null))
        .filter(([key]) => key.startsWith('history:'))
        .map(([, entry]) => entry),
    );
    return (entries as HistoryRecord[]).filter((entry) => entry.origin.pageUrl === pageUrl);
  }

  async function expectInHistory(pageUrl: string, label: string): Promise<void> {
    const labels = (await historyFor(pageUrl)).map((entry) => entry.predictions[0]?.label.toLowerCase());
    expect(labels).toContain(label.toLowerCase());
  }

  /**
   * Right-clicks `selector` (in `where`: the page or a frame), chooses "Identify image", waits
   * for the new card, and checks that the page did not move: neither the picture's box nor the
   * document's scroll size changed when the card appeared.
   */
  async function identify(page: Page, selector: string, options: { where?: Page | Frame; target?: MenuTarget } = {}): Promise<{ card: CardState; image: Box }> {
    const where = options.where ?? page;
    await (await where.waitForSelector(selector))!.evaluate((node) => node.scrollIntoView({ block: 'nearest' }));
    const image = await boxOf(where, selector);
    const size = await scrollSize(page);
    const before = (await cards(page)).length;
    await identifyElement(ext, where, selector, options.target ?? {});
    const settled = await settledCard(page, before + 1);
    expect(await boxOf(where, selector), 'the picture did not move').toEqual(image);
    expect(await scrollSize(page), 'the page did not grow').toEqual(size);
    return { card: settled.at(-1)!, image };
  }

  async function expectAnswer(page: Page, selector: string, label: string, options: { where?: Page | Frame; target?: MenuTarget } = {}): Promise<CardState> {
    const { card, image } = await identify(page, selector, options);
    expect(card.state, card.text).toBe('result');
    expect(card.text.toLowerCase()).toContain(label.toLowerCase());
    expectBeside(card, image);
    await expectInHistory((options.where ?? page).url(), label);
    return card;
  }

  it('<picture>: identifies the source actually shown, not the <img> fallback', async () => {
    const page = await open('picture.html');
    await expectAnswer(page, '#picture', 'King penguin', { target: await imageMenuTarget(page, '#picture') });
  });

  it('srcset: identifies the candidate the browser chose (currentSrc)', async () => {
    const page = await open('picture.html');
    await expectAnswer(page, '#srcset', 'Sea lion', { target: await imageMenuTarget(page, '#srcset') });
  });

  it('loading="lazy": identifies the picture once it has scrolled into view', async () => {
    const page = await open('lazy-native.html');
    expect(server.requests, 'not fetched while far below the screen').not.toContain('/samples/n02403003_ox.JPEG');
    await page.$eval('#photo', (img) => img.scrollIntoView({ block: 'center' }));
    await page.waitForFunction(() => (document.querySelector('#photo') as HTMLImageElement).naturalWidth > 0);
    await expectAnswer(page, '#photo', 'Ox', { target: await imageMenuTarget(page, '#photo') });
  });

  it('script lazy loaders: identifies the real picture behind a 1x1 placeholder (data-src)', async () => {
    const page = await open('lazy-js.html');
    // Chrome reports the placeholder GIF as the image's address.
    await expectAnswer(page, '#pixel', 'Llama', { target: await imageMenuTarget(page, '#pixel') });
  });

  it('script lazy loaders: identifies the real picture behind a blurred preview (data-srcset)', async () => {
    const page = await open('lazy-js.html');
    await page.waitForFunction(() => (document.querySelector('#preview') as HTMLImageElement).naturalWidth > 0);
    await expectAnswer(page, '#preview', 'Flamingo', { target: await imageMenuTarget(page, '#preview') });
  });

  it('script lazy loaders: identifies a lazy background (data-bg)', async () => {
    const page = await open('lazy-js.html');
    await expectAnswer(page, '#background', 'Black grouse');
  });

  it('CSS background-image, right-clicked on the picture or on the text over it', async () => {
    const page = await open('background.html');
    await expectAnswer(page, '#hero', 'Volcano');
    await page.keyboard.press('Escape');
    await until(async () => (await cards(page)).length === 0, 'Esc to close the card');
    const { card } = await identify(page, '#caption');
    expect(card.text).toContain('Volcano');
  });

  it('CSS background painted by a ::before pseudo-element', async () => {
    const page = await open('background.html');
    await expectAnswer(page, '#pseudo', 'Golfcart');
  });

  it('inline <svg>: a drawing gets an answer', async () => {
    const page = await open('svg.html');
    const { card, image } = await identify(page, '#drawing');
    expect(card.state, card.text).toBe('result');
    expectBeside(card, image);
    expect(await historyFor(page.url())).toHaveLength(1);
  });

  it('<canvas>: identifies what the page drew', async () => {
    const page = await open(`canvas.html?other=${encodeURIComponent(other.origin)}`, 'body[data-ready]');
    await expectAnswer(page, '#canvas', 'Running shoe');
  });

  it('a canvas tainted by another site (the page may not read it) is read from the screen', async () => {
    const page = await open(`canvas.html?other=${encodeURIComponent(other.origin)}`, 'body[data-ready]');
    await expectAnswer(page, '#tainted', 'King penguin');
  });

  it('<video>: identifies the frame on screen now', async () => {
    const page = await open('video.html', 'body[data-ready]');
    await expectAnswer(page, '#video', 'Traffic light', { target: { mediaType: 'video' } });
  });

  it('same-origin <iframe>: the frame\'s own content script answers, beside the picture', async () => {
    const page = await open(`iframe.html?other=${encodeURIComponent(other.origin)}`);
    const frame = await until(() => page.frames().find((f) => f.url().startsWith(`${server.origin}/identify/frame-inner.html`)), 'the frame');
    await frame.waitForFunction(() => (document.querySelector('#photo') as HTMLImageElement).naturalWidth > 0);
    const card = await expectAnswer(page, '#photo', 'German shepherd', { where: frame, target: await imageMenuTarget(frame, '#photo') });
    expect(card.frameUrl).toBe(frame.url());
  });

  it('cross-origin <iframe>: works too', async () => {
    const page = await open(`iframe.html?other=${encodeURIComponent(other.origin)}`);
    const frame = await until(() => page.frames().find((f) => f.url().startsWith(other.origin)), 'the other-origin frame');
    await frame.waitForFunction(() => (document.querySelector('#photo') as HTMLImageElement).naturalWidth > 0);
    await page.$eval('#other', (iframe) => iframe.scrollIntoView({ block: 'center' }));
    const card = await expectAnswer(page, '#photo', 'French loaf', { where: frame, target: await imageMenuTarget(frame, '#photo') });
    expect(card.frameUrl).toBe(frame.url());
  });

  it('open shadow root: finds the picture inside the component', async () => {
    const page = await open('shadow.html');
    await expectAnswer(page, '#open-host >>> img', 'Orangutan', { target: await imageMenuTarget(page, '#open-host >>> img') });
  });

  it('closed shadow root: finds the picture too', async () => {
    const page = await open('shadow.html');
    // Only the host is reachable from the page; the 400px-wide photo sits at its top-left.
    const host = await boxOf(page, '#closed-host');
    await page.waitForFunction(() => document.querySelector('#closed-host')!.getBoundingClientRect().height > 100);
    const size = await scrollSize(page);
    await rightClickAndIdentify(ext, page, host.left + 200, host.top + 100);
    const [card] = await settledCard(page);
    expect(card!.text).toContain('Daisy');
    // Beside the <img> inside, not the (page-wide) host: the finder reached the picture itself.
    expectBeside(card!, { ...host, width: 400 });
    expect(await scrollSize(page)).toEqual(size);
    await expectInHistory(page.url(), 'Daisy');
  });

  it('a picture in a lightbox (modal <dialog>): the card can still be clicked', async () => {
    const page = await open('dialog.html');
    await page.waitForFunction(() => (document.querySelector('#photo') as HTMLImageElement).naturalWidth > 0);
    await expectAnswer(page, '#photo', 'Radio telescope', { target: await imageMenuTarget(page, '#photo') });
    await (await page.waitForSelector('glimpse-card >>> button.toggle'))!.click();
    await page.waitForSelector('glimpse-card >>> .top5 li', { visible: true });
    await screenshot(page, 'lightbox');
  });

  it('a picture under a transparent overlay', async () => {
    const page = await open('overlay.html');
    // Chrome sees the overlay, not an image: no srcUrl.
    const { card } = await identify(page, '#shield');
    expect(card.text).toContain('Barn');
    expectBeside(card, await boxOf(page, '#photo'));
  });

  it('a picture with pointer-events: none, which hit-testing cannot see', async () => {
    const page = await open('overlay.html');
    await expectAnswer(page, '#untouchable', 'Dam');
  });

  it('cross-origin <img> without CORS headers: read from the screen, with no request', async () => {
    const page = await open(`cross-origin.html?other=${encodeURIComponent(other.origin)}`);
    await page.waitForFunction(() => (document.querySelector('#photo') as HTMLImageElement).naturalWidth > 0);
    const canPageRead = await page.evaluate((url: string) => fetch(url).then(() => true, () => false), `${other.origin}/samples/n07684084_French_loaf.JPEG`);
    expect(canPageRead, 'the page itself cannot read it').toBe(false);
    const before = other.requests.length;
    await expectAnswer(page, '#photo', 'French loaf', { target: await imageMenuTarget(page, '#photo') });
    expect(other.requests.slice(before)).toEqual([]);
  });

  it('cross-origin CSS background without CORS headers', async () => {
    const page = await open(`cross-origin.html?other=${encodeURIComponent(other.origin)}`);
    await expectAnswer(page, '#background', 'Consomme');
  });

  it('data: URL: decoded directly', async () => {
    const page = await open('inline-bytes.html', 'body[data-ready]');
    const target = await imageMenuTarget(page, '#data');
    expect(target.srcUrl).toMatch(/^data:image\/jpeg;base64,/);
    await expectAnswer(page, '#data', 'Padlock', { target });
  });

  it('blob: URL: the content script reads the bytes', async () => {
    const page = await open('inline-bytes.html', 'body[data-ready]');
    const target = await imageMenuTarget(page, '#blob');
    expect(target.srcUrl).toMatch(/^blob:/);
    await expectAnswer(page, '#blob', 'Espresso maker', { target });
  });

  it('blob: URL the page already revoked: the picture on screen is read instead', async () => {
    const page = await open('inline-bytes.html', 'body[data-ready]');
    await expectAnswer(page, '#revoked', 'Trombone', { target: await imageMenuTarget(page, '#revoked') });
  });

  it('a spot with no picture says so (no-image-found) instead of failing silently', async () => {
    const page = await open('no-image.html');
    const { card } = await identify(page, '#words');
    expect(card.state).toBe('error');
    expect(card.errorCode).toBe('no-image-found');
    expect(card.text).toContain('There is no image under the pointer here');
    await screenshot(page, 'no-image');
  });

  it('shows a spinner while working, then the answer, its top 5 on demand, backend and ms', async () => {
    const page = await open('gallery.html');
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as { seenStates?: string[] }).seenStates = seen;
      new MutationObserver((records) => {
        for (const record of records) {
          const host = record.target as Element;
          if (record.attributeName !== 'data-state' || !host.hasAttribute('data-glimpse-card')) continue;
          const state = host.getAttribute('data-state') ?? '';
          seen.push(state === 'working' && host.shadowRoot?.querySelector('.spinner') ? 'working+spinner' : state);
        }
      }).observe(document.documentElement, { attributes: true, subtree: true });
    });
    const { card } = await identify(page, '#first', { target: await imageMenuTarget(page, '#first') });
    expect(await page.evaluate(() => (window as { seenStates?: string[] }).seenStates)).toEqual(['working+spinner', 'result']);
    expect(card.text).toMatch(/King penguin \d+% sure/);
    expect(card.text).toMatch(/(WEBGL|WASM|CPU) · \d+ ms/);
    const toggle = await page.waitForSelector('glimpse-card >>> button.toggle');
    expect(await page.$$eval('glimpse-card >>> .top5 li', (items) => items.filter((li) => (li as HTMLElement).offsetParent).length)).toBe(0);
    await toggle!.click();
    await screenshot(page, 'gallery-top5');
    const shown = await page.$$eval('glimpse-card >>> .top5 li', (items) => items.map((li) => (li as HTMLElement).innerText.replace(/\s+/g, ' ')));
    expect(shown).toHaveLength(5);
    expect(shown[0]).toMatch(/^King penguin (\d+|99\+)%$/);
  });

  it('several cards stay open at once; Esc closes the newest, the close button any of them', async () => {
    const page = await open('gallery.html');
    for (const selector of ['#first', '#second', '#third']) {
      await identifyElement(ext, page, selector, await imageMenuTarget(page, selector));
    }
    const open3 = await settledCard(page, 3);
    for (const [i, label] of ['King penguin', 'Sea lion', 'Candle'].entries()) expect(open3[i]!.text).toContain(label);
    for (const [i, selector] of ['#first', '#second', '#third'].entries()) expectBeside(open3[i]!, await boxOf(page, selector));
    await screenshot(page, 'gallery-three-cards');

    await page.keyboard.press('Escape');
    await until(async () => (await cards(page)).length === 2, 'Esc to close a card');
    expect((await cards(page)).map((card) => card.text)).toEqual(open3.slice(0, 2).map((card) => card.text));

    const close = await page.waitForSelector('glimpse-card >>> button.close');
    await close!.click();
    await until(async () => (await cards(page)).length === 1, 'the close button to close a card');
    expect((await cards(page))[0]!.text).toContain('Sea lion');
  });

  it('the card follows its picture on scroll and resize', async () => {
    const page = await open('gallery.html');
    const { card } = await identify(page, '#second', { target: await imageMenuTarget(page, '#second') });
    expect(card.text).toContain('Sea lion');
    const cardNow = async () => (await cards(page))[0]!;

    await page.evaluate(() => window.scrollBy(0, 200));
    const scrolled = await until(async () => {
      const [now, image] = [await cardNow(), await boxOf(page, '#second')];
      return Math.abs(now.box!.top - Math.max(image.top, GAP)) <= 1 ? { now, image } : undefined;
    }, 'the card to follow the scroll');
    expectBeside(scrolled.now, scrolled.image);

    // Too narrow for a card on either side: it moves below the picture.
    await page.setViewport({ width: 700, height: 900 });
    const image = await boxOf(page, '#second');
    await until(async () => Math.abs((await cardNow()).box!.top - (image.top + image.height + GAP)) <= 1, 'the card to move below');
    expect(Math.abs((await cardNow()).box!.left - image.left)).toBeLessThanOrEqual(1);
  });

  it('on a busy, hostile page the card still shows on top, in its own styles', async () => {
    const page = await open('busy.html');
    await page.waitForFunction(() => (document.querySelector('#photo') as HTMLImageElement).naturalWidth > 0);
    const { card } = await identify(page, '#photo', { target: await imageMenuTarget(page, '#photo') });
    expect(card.text).toContain('Llama');
    expect(card.box!.width).toBe(320);
    const look = await page.evaluate(() => {
      const host = document.querySelector('[data-glimpse-card]')!;
      const box = host.shadowRoot!.querySelector('.card')!.getBoundingClientRect();
      const label = getComputedStyle(host.shadowRoot!.querySelector('.label')!);
      return {
        onTop: document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === host,
        font: [label.fontSize, label.fontStyle, label.textTransform, label.letterSpacing, label.textShadow],
        color: label.color,
      };
    });
    expect(look).toEqual({ onTop: true, font: ['26px', 'normal', 'none', 'normal', 'none'], color: 'rgb(248, 250, 252)' });
    await screenshot(page, 'busy-page');
    await (await page.waitForSelector('glimpse-card >>> button.toggle'))!.click();
    await screenshot(page, 'busy-page-top5');
  });
});
