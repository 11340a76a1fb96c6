/**
 * "Identify image" on every kind of picture a person meets, end to end: a real right-click in
 * Chromium, the menu's click as Chrome would send it, the service worker, the offscreen model,
 * and the card beside the picture. The photos are ones the model gets right.
 */
import { join } from 'node:path';
import type { Frame, Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { extensionSuite } from './support/extension-suite';
import { until, type ExtensionBrowser } from '../../harness/chromium';
import { touches } from './support/card-geometry';
import { cards, identifyElement, inCard, rightClickAndIdentify, settledCard, type Box, type CardState, type MenuTarget } from '../../harness/menu';
import type { TestServer } from '../../harness/server';

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
  const suite = extensionSuite({ servers: 2 });
  let ext: ExtensionBrowser;
  let server: TestServer;
  /** A second origin (another port) that sends no CORS headers. */
  let other: TestServer;

  beforeAll(() => {
    ({ ext, servers: [server, other] } = suite);
  });

  async function open(path: string, ready?: string): Promise<Page> {
    const page = await suite.newPage();
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

  /** The label is pinned to the picture: within its box or touching it, and wholly on screen. */
  function expectPinned(card: CardState, image: Box): void {
    expect(card.labelBox, `the label shows (${card.text})`).not.toBeNull();
    expect(card.visible).toBe(true);
    expect(touches(card.labelBox!, image), `label ${JSON.stringify(card.labelBox)} on picture ${JSON.stringify(image)}`).toBe(true);
    expect(card.labelBox!.left).toBeGreaterThanOrEqual(0);
    expect(card.labelBox!.top + card.labelBox!.height).toBeLessThanOrEqual(card.viewport.height);
  }

  /** Clicks a label, as a person does, to open its full card. */
  async function openCard(page: Page, index = 0): Promise<CardState> {
    const label = (await cards(page))[index]!;
    await page.mouse.click(label.labelBox!.left + 12, label.labelBox!.top + label.labelBox!.height / 2);
    return until(async () => ((await cards(page))[index]?.expanded ? (await cards(page))[index] : undefined), 'the card to open');
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
    expectPinned(card, image);
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
    await expectAnswer(page, '#pseudo', 'Golf cart');
  });

  it('inline <svg>: a drawing gets an answer', async () => {
    const page = await open('svg.html');
    const { card, image } = await identify(page, '#drawing');
    expect(card.state, card.text).toBe('result');
    expectPinned(card, image);
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
    const card = await expectAnswer(page, '#photo', 'German Shepherd Dog', { where: frame, target: await imageMenuTarget(frame, '#photo') });
    expect(card.frameUrl).toBe(frame.url());
  });

  it('cross-origin <iframe>: works too', async () => {
    const page = await open(`iframe.html?other=${encodeURIComponent(other.origin)}`);
    const frame = await until(() => page.frames().find((f) => f.url().startsWith(other.origin)), 'the other-origin frame');
    await frame.waitForFunction(() => (document.querySelector('#photo') as HTMLImageElement).naturalWidth > 0);
    await page.$eval('#other', (iframe) => iframe.scrollIntoView({ block: 'center' }));
    const card = await expectAnswer(page, '#photo', 'Baguette', { where: frame, target: await imageMenuTarget(frame, '#photo') });
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
    expectPinned(card!, { ...host, width: 400 });
    expect(await scrollSize(page)).toEqual(size);
    await expectInHistory(page.url(), 'Daisy');
  });

  it('a picture in a lightbox (modal <dialog>): the card can still be clicked', async () => {
    const page = await open('dialog.html');
    await page.waitForFunction(() => (document.querySelector('#photo') as HTMLImageElement).naturalWidth > 0);
    await expectAnswer(page, '#photo', 'Radio telescope', { target: await imageMenuTarget(page, '#photo') });
    const opened = await openCard(page);
    expect(opened.text).toMatch(/Radio telescope (\d+|99\+|<1)%/);
    await screenshot(page, 'lightbox');
  });

  it('a picture under a transparent overlay', async () => {
    const page = await open('overlay.html');
    // Chrome sees the overlay, not an image: no srcUrl.
    const { card } = await identify(page, '#shield');
    expect(card.text).toContain('Barn');
    expectPinned(card, await boxOf(page, '#photo'));
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
    await expectAnswer(page, '#photo', 'Baguette', { target: await imageMenuTarget(page, '#photo') });
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
    await expectAnswer(page, '#blob', 'Espresso machine', { target });
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

  it('shows a spinner while working, then the answer as a label; a click opens the top 5, the time waited and the engine', async () => {
    const page = await open('gallery.html');
    // What page script can see of the card's progress: nothing (issue 23: no state in the page's DOM).
    await page.evaluate(() => {
      const seen: string[] = [];
      (window as { seenStates?: string[] }).seenStates = seen;
      new MutationObserver((records) => {
        for (const record of records) {
          const host = record.target as Element;
          if (host.hasAttribute('data-glimpse-card') && record.attributeName !== 'style' && record.attributeName !== 'popover') seen.push(record.attributeName ?? '');
        }
      }).observe(document.documentElement, { attributes: true, subtree: true });
    });
    const { card } = await identify(page, '#first', { target: await imageMenuTarget(page, '#first') });
    expect(card.state).toBe('result');
    expect(await page.evaluate(() => (window as { seenStates?: string[] }).seenStates)).toEqual([]);
    // The label says what it is, nothing more: no percentages, no engine, no milliseconds.
    expect(card.text).toBe('King penguin');
    const opened = await openCard(page);
    await screenshot(page, 'gallery-top5');
    expect(opened.text).toMatch(/King penguin (\d+|99\+)%/);
    expect(opened.text).toMatch(/Answered in \d+(\.\d)? s · (WebGL|WASM|CPU) · \d+ ms/);
    expect(await inCard(page, 0, (root) => root.querySelectorAll('.top5 li').length)).toBe(5);
  });

  it('several labels stay at once; an open card closes back to its label; Esc clears them all', async () => {
    const page = await open('gallery.html');
    for (const selector of ['#first', '#second', '#third']) {
      await identifyElement(ext, page, selector, await imageMenuTarget(page, selector));
    }
    const open3 = await settledCard(page, 3);
    for (const [i, label] of ['King penguin', 'Sea lion', 'Candle'].entries()) expect(open3[i]!.text).toContain(label);
    for (const [i, selector] of ['#first', '#second', '#third'].entries()) expectPinned(open3[i]!, await boxOf(page, selector));
    await screenshot(page, 'gallery-three-cards');

    const opened = await openCard(page, 1);
    const close = opened.cardBox!;
    await page.mouse.click(close.left + close.width - 22, close.top + 22);
    await until(async () => (await cards(page)).every((card) => !card.expanded), 'the close button to close the card');
    expect((await cards(page)).map((card) => card.text)).toEqual(open3.map((card) => card.text));

    await page.keyboard.press('Escape');
    await until(async () => (await cards(page)).length === 0, 'Esc to clear every label');
  });

  it('the label follows its picture on scroll and when the layout shifts', async () => {
    const page = await open('gallery.html');
    const { card } = await identify(page, '#second', { target: await imageMenuTarget(page, '#second') });
    expect(card.text).toContain('Sea lion');
    const pinned = async () => {
      const [now, image] = [(await cards(page))[0]!, await boxOf(page, '#second')];
      return now.visible && now.labelBox && touches(now.labelBox, image) ? { now, image } : undefined;
    };
    const before = (await pinned())!;
    // A banner loads above the picture and pushes it down: no scroll or resize event says so.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.evaluate(() => document.body.prepend(Object.assign(document.createElement('div'), { style: 'height: 150px; background: #fde68a' })));
    const shifted = await until(async () => {
      const found = await pinned();
      return found && found.image.top > before.image.top + 100 ? found : undefined;
    }, 'the label to follow the layout shift');
    expectPinned(shifted.now, shifted.image);

    await page.evaluate(() => window.scrollBy(0, 200));
    const scrolled = await until(async () => {
      const found = await pinned();
      return found && found.image.top < shifted.image.top - 150 ? found : undefined;
    }, 'the label to follow the scroll');
    expectPinned(scrolled.now, scrolled.image);
  });

  it('on a busy, hostile page the card still shows on top, in its own styles', async () => {
    const page = await open('busy.html');
    await page.waitForFunction(() => (document.querySelector('#photo') as HTMLImageElement).naturalWidth > 0);
    const { card } = await identify(page, '#photo', { target: await imageMenuTarget(page, '#photo') });
    expect(card.text).toContain('Llama');
    const look = await inCard(page, 0, (root) => {
      const host = root.host;
      const box = root.querySelector('.chip')!.getBoundingClientRect();
      const label = getComputedStyle(root.querySelector('.short')!);
      return {
        onTop: document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2) === host,
        font: [label.fontSize, label.fontStyle, label.textTransform, label.letterSpacing, label.textShadow],
        color: label.color,
      };
    });
    expect(look).toEqual({ onTop: true, font: ['15px', 'normal', 'none', 'normal', 'none'], color: 'rgb(248, 250, 252)' });
    await screenshot(page, 'busy-page');
    await openCard(page);
    await screenshot(page, 'busy-page-top5');
  });
});
