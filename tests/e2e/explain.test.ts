/**
 * "Why?": the heat-map of where the model looked, on the card beside a picture. A person checks
 * that it lies exactly over the picture, that on a wide picture whose photo fills one half the
 * map lights up that half, and that explaining again and again leaves nothing behind.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPopup, until, type ExtensionBrowser } from '../../harness/chromium';
import { cards, identifyElement, inCard, settledCard, type Box } from '../../harness/menu';
import { startServer, type TestServer } from '../../harness/server';

interface StoredExplanation {
  width: number;
  height: number;
  cells: string;
}

interface StoredEntry {
  origin: { pageUrl?: string };
  width: number;
  height: number;
  predictions: { label: string }[];
  explanation?: StoredExplanation;
}

describe('Why? shows where the model looked', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    ext = await launchWithExtension();
    page = await ext.browser.newPage();
    await page.goto(`${server.origin}/explain/why.html`, { waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]');
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  const contentBox = (selector: string): Promise<Box> =>
    page.$eval(selector, (node) => {
      const rect = node.getBoundingClientRect();
      const style = getComputedStyle(node);
      const px = (v: string) => Number.parseFloat(v) || 0;
      const left = rect.left + px(style.borderLeftWidth) + px(style.paddingLeft);
      const top = rect.top + px(style.borderTopWidth) + px(style.paddingTop);
      return {
        left, top,
        width: rect.right - px(style.borderRightWidth) - px(style.paddingRight) - left,
        height: rect.bottom - px(style.borderBottomWidth) - px(style.paddingBottom) - top,
      };
    });

  const overlayBoxes = (): Promise<Box[]> =>
    page.$$eval('[data-glimpse-why]', (nodes) => nodes.map((node) => {
      const rect = node.getBoundingClientRect();
      return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
    }));

  async function entriesFor(pageUrl: string): Promise<StoredEntry[]> {
    const worker = await ext.worker();
    const all = (await worker.evaluate(async () => chrome.storage.local.get(null))) as Record<string, unknown>;
    return Object.entries(all)
      .filter(([key]) => key.startsWith('history:'))
      .map(([, value]) => value as StoredEntry)
      .filter((entry) => entry.origin.pageUrl === pageUrl);
  }

  async function identifyAndAskWhy(selector: string, cardCount: number): Promise<void> {
    await identifyElement(ext, page, selector);
    await settledCard(page, cardCount);
    // Open the label into the card, then press Why? (inside the card's closed shadow root, through DevTools).
    await inCard(page, cardCount - 1, (root) => (root.querySelector('.chip') as HTMLElement).click());
    const pressed = await inCard(page, cardCount - 1, (root) => {
      const toggles = root.querySelectorAll<HTMLButtonElement>('.why-toggle');
      toggles[0]?.click();
      return toggles.length;
    });
    expect(pressed).toBe(1);
    await until(async () => (await overlayBoxes()).length === 1, 'the heat-map to appear');
  }

  /** Closes the open card (back to its label): the heat-map goes with it. Then a fresh page for the next test. */
  const closeCards = async () => {
    await inCard(page, 0, (root) => (root.querySelector('.card .close') as HTMLElement).click());
    await until(async () => (await overlayBoxes()).length === 0 && !(await cards(page))[0]!.expanded, 'the card and its map to close');
    await page.reload({ waitUntil: 'load' });
    await page.waitForSelector('body[data-ready="true"]');
  };

  it('lays the heat-map exactly over the picture, with a one-line legend, and takes it away with the card', async () => {
    await identifyAndAskWhy('#photo', 1);
    const [overlay] = await overlayBoxes();
    const picture = await contentBox('#photo');
    for (const side of ['left', 'top', 'width', 'height'] as const) expect(overlay![side]).toBeCloseTo(picture[side], 0);
    const [card] = await cards(page);
    expect(card!.text).toMatch(/Yellow: what made the model say “King penguin”/);
    if (process.env.GLIMPSE_SCREENSHOTS) await page.screenshot({ path: join(process.env.GLIMPSE_SCREENSHOTS, 'why.png') });
    await closeCards();
  });

  it('inside a border and padding, covers the pixels only, and follows the picture when the page scrolls', async () => {
    await identifyAndAskWhy('#framed', 1);
    await page.evaluate(() => scrollBy(0, 40));
    await until(async () => {
      const [overlay] = await overlayBoxes();
      const picture = await contentBox('#framed');
      return Math.abs(overlay!.top - picture.top) < 0.5 && Math.abs(overlay!.left - picture.left) < 0.5
        && Math.abs(overlay!.width - picture.width) < 0.5 && Math.abs(overlay!.height - picture.height) < 0.5;
    }, 'the heat-map to sit on the framed picture after scrolling');
    await closeCards();
    await page.evaluate(() => scrollTo(0, 0));
  });

  it('keeps the heat-map off the page\'s sticky header, as labels are: only the part of the picture below it is covered', async () => {
    await page.evaluate(() => {
      const header = document.createElement('header');
      header.style.cssText = 'position: fixed; top: 0; left: 0; right: 0; height: 80px; background: #14213d; z-index: 10;';
      document.body.append(header);
      document.body.style.paddingBottom = '900px';
    });
    await identifyAndAskWhy('#photo', 1);
    const before = await contentBox('#photo');
    await page.evaluate((by) => scrollBy(0, by), before.top - 20);
    await until(async () => {
      const [overlay] = await overlayBoxes();
      const picture = await contentBox('#photo');
      return picture.top < 80 && Math.abs(overlay!.top - 80) < 0.5 && Math.abs(overlay!.top + overlay!.height - (picture.top + picture.height)) < 0.5;
    }, 'the heat-map to start below the header');
    if (process.env.GLIMPSE_SCREENSHOTS) await page.screenshot({ path: join(process.env.GLIMPSE_SCREENSHOTS, 'why-under-header.png') });
    await closeCards();
    await page.evaluate(() => scrollTo(0, 0));
  });

  it('on a wide picture with the photo on its left half, puts at least 70% of the heat on that half', async () => {
    await identifyAndAskWhy('#composite', 1);
    const [overlay] = await overlayBoxes();
    const picture = await contentBox('#composite');
    for (const side of ['left', 'top', 'width', 'height'] as const) expect(overlay![side]).toBeCloseTo(picture[side], 0);
    const [entry] = await entriesFor(page.url()).then((all) => all.filter((e) => e.width === 600));
    expect(entry!.predictions[0]!.label).toBe('king penguin');
    const { width, height, cells } = entry!.explanation!;
    expect(width / height).toBeCloseTo(2, 1);
    const values = Buffer.from(cells, 'base64');
    let left = 0;
    let total = 0;
    values.forEach((value, i) => {
      total += value;
      if ((i % width) + 0.5 < width / 2) left += value;
    });
    expect(left / total).toBeGreaterThanOrEqual(0.7);
    await closeCards();
  });

  it("in the popup, an answer's details show the map over the whole picture, box for box", async () => {
    await identifyAndAskWhy('#composite', 1);
    await closeCards();
    const popup = await openPopup(ext);
    try {
      await popup.waitForSelector('.app[data-ready="true"]');
      await popup.click('.entry-open');
      await popup.click('.why-toggle');
      const [picture, map] = await Promise.all(['.why-picture img', '.why-map'].map((selector) =>
        popup.waitForSelector(selector).then((handle) => handle!.evaluate((node) => {
          const rect = node.getBoundingClientRect();
          return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
        }))));
      expect(map).toEqual(picture);
      expect(picture!.width / picture!.height).toBeCloseTo(2, 1);
      expect(await popup.$eval('.why-legend', (node) => node.textContent)).toMatch(/^Yellow: what made the model say “King penguin”/);
    } finally {
      await popup.close();
    }
  });

  it('leaves no tensor behind: the count after 20 explanations equals the count after one', async () => {
    const composite = await page.$eval('#composite', (img) => (img as HTMLImageElement).src);
    const worker = await ext.worker();
    const counts = (await worker.evaluate(async (dataUrl: string) => {
      const photo = await (await fetch(dataUrl)).arrayBuffer();
      type G = { classifyBytes(b: ArrayBuffer): Promise<{ explanation?: unknown }>; engineStats(): Promise<{ numTensors: number }> };
      const glimpse = (globalThis as unknown as { glimpse: G }).glimpse;
      const first = await glimpse.classifyBytes(photo.slice(0));
      if (!first.explanation) throw new Error('no explanation');
      const afterOne = (await glimpse.engineStats()).numTensors;
      for (let i = 0; i < 19; i++) await glimpse.classifyBytes(photo.slice(0));
      return [afterOne, (await glimpse.engineStats()).numTensors];
    }, composite)) as [number, number];
    expect(counts[1]).toBe(counts[0]);
  });
});
