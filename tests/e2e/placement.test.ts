/**
 * Issue 19: a label is always read as its own picture's. On a teacher's lesson grid at a
 * projector's 1920x1080 at 150% and 200% zoom in presenter mode, each label's words lie on its own
 * picture (smaller type or two lines rather than off the picture); beside the 72 px thumbnails of a
 * "most read" list each label is nearest its own thumbnail and over no other; on a dense shop
 * grid in presenter mode too. Real model, real right-clicks, geometry measured as a person sees it.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { extensionSuite } from './support/extension-suite';
import { boxesOf, expectNearestOwnPicture, expectOverNoOtherPicture, expectWordsOnOwnPicture, overlapArea } from './support/card-geometry';
import { until, type ExtensionBrowser } from '../../harness/chromium';
import { cards, identifyElement, settledCard, type CardState } from '../../harness/menu';
import type { TestServer } from '../../harness/server';

/** GLIMPSE_SCREENSHOTS=<folder> saves how the labels look, for a person to check. */
async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.GLIMPSE_SCREENSHOTS;
  if (folder) await page.screenshot({ path: join(folder, `${name}.png`) });
}

/** A 1920x1080 projector at `zoom` (the browser's page zoom: fewer, bigger CSS pixels). */
/** Several identifications each, on a machine shared with other work (the first also warms the engine). */
const LONG = 480_000;

const projector = (zoom: number) => ({ width: Math.round(1920 / zoom), height: Math.round(1080 / zoom), deviceScaleFactor: zoom });

describe('labels read as their own picture\'s, on the worst layouts', () => {
  const suite = extensionSuite();
  let ext: ExtensionBrowser;
  let server: TestServer;

  beforeAll(() => {
    ({ ext, servers: [server] } = suite);
  });
  afterEach(async () => {
    const worker = await ext.worker();
    await worker.evaluate(() => chrome.storage.local.remove(['presenterMode', 'presenterMode$']));
  });

  async function presenterEverywhere(): Promise<void> {
    const worker = await ext.worker();
    // Today's global flag, as stored before presenter mode was per site (it still reads as "on everywhere").
    await worker.evaluate(() => chrome.storage.local.set({ presenterMode: true }));
  }

  async function open(path: string, viewport: { width: number; height: number; deviceScaleFactor?: number }): Promise<Page> {
    const page = await suite.newPage();
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await page.setViewport(viewport);
    await page.goto(`${server.origin}/card/${path}`, { waitUntil: 'load' });
    return page;
  }

  async function identifyAll(page: Page, selectors: string[]): Promise<void> {
    for (const [i, selector] of selectors.entries()) {
      await identifyElement(ext, page, selector);
      await settledCard(page, i + 1);
    }
  }

  /** The labels as laid out for what is on screen now (two reads in a row that agree). */
  async function settledLayout(page: Page): Promise<CardState[]> {
    let previous = '';
    return until(async () => {
      const now = await cards(page);
      const key = JSON.stringify(now.map((card) => [card.box, card.visible, card.fontSize]));
      const same = key === previous;
      previous = key;
      return same ? now : undefined;
    }, 'the labels to settle', 10_000);
  }

  const boxesOfAll = (page: Page, selectors: string[]) => Promise.all(selectors.map(async (selector) => (await boxesOf(page, selector))[0]!));

  /** The labels (and their pictures) wholly in view below `top`. */
  function inView(now: CardState[], pictures: { left: number; top: number; width: number; height: number }[], top = 0) {
    return now.map((card, i) => ({ card, picture: pictures[i]! }))
      .filter(({ card, picture }) => card.visible && picture.top >= top && picture.top + picture.height <= card.viewport.height);
  }

  for (const zoom of [1.5, 2]) {
    it(`in presenter mode puts each label's words on its own photo of a lesson grid with captions (1920x1080 at ${zoom * 100}% zoom)`, async () => {
      await presenterEverywhere();
      const page = await open('lesson.html', projector(zoom));
      const animals = Array.from({ length: 8 }, (_, i) => `#a${i + 1}`);
      await identifyAll(page, animals);
      await page.evaluate(() => window.scrollTo(0, 0));
      const now = await settledLayout(page);
      await screenshot(page, `lesson-presenter-${zoom * 100}`);
      const all = await boxesOfAll(page, Array.from({ length: 12 }, (_, i) => `#a${i + 1}`));
      const shown = inView(now, all);
      expect(shown.length).toBeGreaterThanOrEqual(4);
      for (const { card } of shown) {
        expect(card.side, card.text).toMatch(/^inside/);
        // Still big for a room: at least 24 CSS px (36 device pixels at 150%).
        expect(card.fontSize, card.text).toBeGreaterThanOrEqual(24);
      }
      expectWordsOnOwnPicture(shown.map(({ card }) => card.wordsBox!), shown.map(({ card }) => card.labelBox!), shown.map(({ picture }) => picture));
      // Nor over another photo anywhere, in view or not.
      const labels = now.map((card) => card.labelBox!);
      expectOverNoOtherPicture(labels.filter((_, i) => now[i]!.visible), all.filter((_, i) => now[i]?.visible));
      // The captions (the class's answer sheet numbers) stay readable.
      const captions = await boxesOf(page, 'figcaption');
      for (const { card } of shown) for (const caption of captions) expect(overlapArea(card.labelBox!, caption), `${card.text} covers a caption`).toBe(0);
    }, LONG);
  }

  for (const presenter of [false, true]) {
    it(`beside 72 px thumbnails of a "most read" list${presenter ? ' in presenter mode' : ''}, each label is nearest its own thumbnail, joined to it, over no other`, async () => {
      if (presenter) await presenterEverywhere();
      const page = await open('thumbnails.html', presenter ? projector(1.5) : { width: 1280, height: 800 });
      const thumbs = Array.from({ length: 6 }, (_, i) => `#t${i + 1}`);
      await identifyAll(page, thumbs);
      await page.evaluate(() => window.scrollTo(0, 0));
      const now = await settledLayout(page);
      await screenshot(page, `thumbnails${presenter ? '-presenter' : ''}`);
      const pictures = await boxesOfAll(page, thumbs);
      const shown = inView(now, pictures, 52);
      expect(shown.length).toBeGreaterThanOrEqual(5);
      for (const { card } of shown) expect(card.side, `${card.text} is beside its thumbnail`).toMatch(/^(left|right)$/);
      expectNearestOwnPicture(shown.map(({ card }) => card.labelBox!), shown.map(({ picture }) => picture));
      if (presenter) for (const { card } of shown) expect(card.fontSize, card.text).toBeGreaterThanOrEqual(20);
    }, LONG);
  }

  it('in presenter mode labels a dense 24-product shop grid: every label on its own product, over no other', async () => {
    await presenterEverywhere();
    const page = await open('shop.html', projector(1.5));
    const tiles = Array.from({ length: 12 }, (_, i) => `#p${i + 1}`);
    await identifyAll(page, tiles);
    await page.evaluate(() => window.scrollTo(0, 0));
    const now = await settledLayout(page);
    await screenshot(page, 'shop-presenter');
    const pictures = await boxesOfAll(page, tiles);
    const shown = inView(now, pictures, 56);
    expect(shown.length).toBeGreaterThanOrEqual(6);
    expectWordsOnOwnPicture(shown.map(({ card }) => card.wordsBox!), shown.map(({ card }) => card.labelBox!), shown.map(({ picture }) => picture));
  }, LONG);
});
