/**
 * Glimpse in Firefox ESR, end to end with the real model: Firefox's own context menu on pages
 * served from 127.0.0.1 (and a second origin without CORS headers), the answer beside the picture,
 * the popup with the answer and history, an upload, and what a person is told when it fails.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CASES } from '../e2e/fixtures/hostile/cases';
import { brokenImage, cardFailureMessage, englishMessageKey, uploadInPopup } from '../../harness/reading';
import type { CardState } from '../../harness/menu';
import { cards, settledCard } from './cards';
import { startServer, type TestServer } from '../../harness/server';
import { historyOf } from '../../harness/firefox-state';
import { launchFirefox, until, type FirefoxWithExtension } from '../../harness/firefox';
import { identifyElement } from '../../harness/firefox-menu';

/** ImageNet classes of the photos used (the right answers, whatever words the card uses for them). */
const VOLCANO = 980;
const FRENCH_LOAF = 930;
const CONSOMME = 925;
const GERMAN_SHEPHERD = 235;

describe('Glimpse in Firefox, through the real context menu', () => {
  let ff: FirefoxWithExtension;
  let server: TestServer;
  /** Another origin (another port) that sends no CORS headers. */
  let other: TestServer;
  const identified: number[] = [];

  beforeAll(async () => {
    [server, other] = await Promise.all([startServer(), startServer()]);
    ff = await launchFirefox();
  });
  afterAll(async () => {
    await ff?.close();
    await Promise.all([server?.close(), other?.close()]);
  });

  async function open(path: string): Promise<Page> {
    const page = await ff.browser.newPage();
    await page.goto(`${server.origin}${path}`, { waitUntil: 'load' });
    return page;
  }

  /** Right-clicks `selector`, chooses "Identify image", and returns the settled card and the new history entry. */
  async function identify(page: Page, selector: string) {
    const before = (await historyOf(ff)).length;
    await identifyElement(ff, page, selector);
    const [card] = await settledCard(page);
    const history = await until(async () => {
      const all = await historyOf(ff);
      return all.length > before ? all : undefined;
    }, 'the answer to reach history');
    return { card: card!, entry: history[0]! };
  }

  async function boxOf(page: Page, selector: string) {
    return page.$eval(selector, (node) => {
      const rect = node.getBoundingClientRect();
      return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
    });
  }

  /** The label is on screen, on or right next to its picture (within 16 px), as the card places it in Chromium. */
  function expectAtPicture(card: CardState, picture: { left: number; top: number; width: number; height: number }): void {
    expect(card.box).not.toBeNull();
    const box = card.box!;
    const NEAR = 16;
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.left + box.width).toBeLessThanOrEqual(card.viewport.width);
    expect(box.top + box.height).toBeLessThanOrEqual(card.viewport.height);
    expect(box.left).toBeLessThan(picture.left + picture.width + NEAR);
    expect(box.left + box.width).toBeGreaterThan(picture.left - NEAR);
    expect(box.top).toBeLessThan(picture.top + picture.height + NEAR);
    expect(box.top + box.height).toBeGreaterThan(picture.top - NEAR);
  }

  function expectAnswer(card: CardState, entry: { predictions: { classIndex: number; label: string }[] }, classIndex: number): void {
    expect(entry.predictions[0]!.classIndex).toBe(classIndex);
    expect(card.state, card.text).toBe('result');
    expect(card.text.toLowerCase()).toContain(entry.predictions[0]!.label.toLowerCase());
  }

  it('an <img>: the answer appears on the picture', async () => {
    const page = await open('/identify/background.html');
    await page.evaluate(() => {
      document.body.insertAdjacentHTML('afterbegin', '<img id="photo" src="/samples/n09472597_volcano.JPEG" width="400" alt="">');
    });
    await page.waitForFunction(() => (document.querySelector('#photo') as HTMLImageElement).complete);
    const { card, entry } = await identify(page, '#photo');
    expectAnswer(card, entry, VOLCANO);
    expectAtPicture(card, await boxOf(page, '#photo'));
    identified.push(VOLCANO);
  });

  it('an <img> from another origin that sends no CORS headers', async () => {
    const page = await open(`/identify/cross-origin.html?other=${encodeURIComponent(other.origin)}`);
    await page.waitForFunction(() => (document.querySelector('#photo') as HTMLImageElement).naturalWidth > 0);
    const pageCanRead = await page.evaluate((url: string) => fetch(url).then(() => true, () => false), `${other.origin}/samples/n07684084_French_loaf.JPEG`);
    expect(pageCanRead, 'the page itself cannot read the picture').toBe(false);
    const { card, entry } = await identify(page, '#photo');
    expectAnswer(card, entry, FRENCH_LOAF);
    expect(entry.origin.imageUrl).toBe(`${other.origin}/samples/n07684084_French_loaf.JPEG`);
    identified.push(FRENCH_LOAF);
  });

  it('a CSS background picture from another origin, right-clicked on the element', async () => {
    const page = await open(`/identify/cross-origin.html?other=${encodeURIComponent(other.origin)}`);
    const { card, entry } = await identify(page, '#background');
    expectAnswer(card, entry, CONSOMME);
    identified.push(CONSOMME);
  });

  it('the popup shows the latest answer and every answer in history', async () => {
    const popup = await ff.openExtensionPage('src/popup/index.html');
    const history = await historyOf(ff);
    const labels = await until(async () => {
      const shown = await popup.$$eval('.entry .entry-label', (items) => items.map((item) => item.textContent?.trim() ?? ''));
      return shown.length === identified.length ? shown : undefined;
    }, 'the popup to list the history');
    expect(history.map((entry) => entry.predictions[0]!.classIndex)).toEqual([...identified].reverse());
    // Each row in the label's words ("Volcano", "Probably a volcano"): it names the entry's top answer.
    labels.forEach((label, i) => expect(label.toLowerCase()).toContain(history[i]!.predictions[0]!.label.toLowerCase()));
    const latest = await popup.$eval('.latest .label', (label) => label.textContent?.trim() ?? '');
    expect(latest.toLowerCase()).toContain(history[0]!.predictions[0]!.label.toLowerCase());
    await popup.close();
  });

  it('upload: a photo chosen in the popup is identified and kept', async () => {
    const popup = await ff.openExtensionPage('src/popup/index.html');
    const dir = await mkdtemp(join(tmpdir(), 'glimpse-upload-'));
    try {
      const photo = await readFile(join(process.cwd(), '../shared/eval/imagenet-samples-dev/n02106662_German_shepherd.JPEG'));
      const shown = await uploadInPopup(popup, dir, 'my dog.jpg', photo);
      expect(shown.state).toBe('answer');
      const [entry] = await historyOf(ff);
      expect(entry!.predictions[0]!.classIndex).toBe(GERMAN_SHEPHERD);
      expect(entry!.origin.uploadedName).toBe('my dog.jpg');
      expect(shown.label.toLowerCase()).toBe(entry!.predictions[0]!.label.toLowerCase());
    } finally {
      await rm(dir, { recursive: true, force: true });
      await popup.close();
    }
  });

  it('the popup notices when access to websites is taken away, and gets it back with one click', async () => {
    const popup = await ff.openExtensionPage('src/popup/index.html');
    type Permissions = { permissions: { remove(p: object): Promise<boolean>; contains(p: object): Promise<boolean> } };
    const sites = { origins: ['<all_urls>'] };
    // What Firefox's add-on settings do when a person turns off "Access your data for all websites".
    expect(await popup.evaluate((p) => (globalThis as unknown as { browser: Permissions }).browser.permissions.remove(p), sites)).toBe(true);
    const notice = await popup.waitForSelector('.access-notice', { visible: true });
    expect(await notice!.evaluate((node) => node.querySelector('p')!.textContent)).toBe(englishMessageKey('accessRevoked'));
    await popup.click('.access-allow');
    await popup.waitForSelector('.access-notice', { hidden: true });
    expect(await popup.evaluate((p) => (globalThis as unknown as { browser: Permissions }).browser.permissions.contains(p), sites)).toBe(true);
    await popup.close();
    await new Promise((r) => setTimeout(r, 3000));

    await historyOf(ff);
    const page = await open('/identify/background.html');
    const { card, entry } = await identify(page, '#hero');
    expectAnswer(card, entry, VOLCANO);
  });

  const HOSTILE = ['HTTP 404 Not Found', 'HTML page served as image/jpeg', '1 x 1 image'];
  for (const name of HOSTILE) {
    it(`says what went wrong, in the card: ${name}`, async () => {
      const found = CASES.find((c) => c.name === name);
      if (!found || !('code' in found.expected)) throw new Error(`no failing hostile case called ${name}`);
      const expected = found.expected;
      const path = `/firefox-hostile/${HOSTILE.indexOf(name)}.html`;
      const body = found.page({ server, other });
      server.route(path, (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(`<!doctype html><title>${name}</title><body>${body}</body>`);
      });
      const before = (await historyOf(ff)).length;
      const page = await open(path);
      await identifyElement(ff, page, '#target');
      const [card] = await settledCard(page);
      expect(card!.state, card!.text).toBe('error');
      expect(card!.errorCode).toBe(expected.code);
      expect(card!.text).toContain(cardFailureMessage({ code: expected.code, status: expected.status }, await brokenImage(page, '#target')));
      expect((await historyOf(ff)).length, 'a failure is not kept in history').toBe(before);
      expect(await cards(page)).toHaveLength(1);
    });
  }
});
