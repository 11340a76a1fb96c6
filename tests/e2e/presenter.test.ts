/**
 * Issue 19: presenter mode is per site, visible and whole. Turned on for one site (the shortcut,
 * or the popup's switch) it applies there and not on another site; while it is on, a small sign
 * in a corner of the page says so, covering no picture, and turns it off; the open card is big
 * too, beside the photo it describes rather than over it. The old global switch still reads as
 * "on everywhere" until it is turned off. Real model, real right-clicks.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { extensionSuite } from './support/extension-suite';
import { boxesOf, overlapArea } from './support/card-geometry';
import { until, type ExtensionBrowser } from '../../harness/chromium';
import { callOnRoot, closedShadowRoots } from '../../harness/closed-shadow';
import { pressCommand } from '../../harness/commands';
import { cards, identifyElement, inCard, settledCard, type Box } from '../../harness/menu';
import { htmlPage, type TestServer } from '../../harness/server';

async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.GLIMPSE_SCREENSHOTS;
  if (folder) await page.screenshot({ path: join(folder, `${name}.png`) });
}

interface Sign {
  text: string;
  box: Box;
  button: Box;
}

/** The presenter-mode sign on the page, read through its closed shadow root (null: none). */
async function presenterSign(page: Page): Promise<Sign | null> {
  for await (const root of closedShadowRoots(page, '[data-glimpse-presenter-sign]')) {
    return callOnRoot<Sign | null>(root, `(root) => {
      const sign = root.querySelector('.sign');
      const button = root.querySelector('button');
      if (!sign || !button || getComputedStyle(root.host).visibility === 'hidden') return null;
      const box = (element) => { const r = element.getBoundingClientRect(); return { left: r.left, top: r.top, width: r.width, height: r.height }; };
      return { text: sign.textContent, box: box(sign), button: box(button) };
    }`);
  }
  return null;
}

describe('presenter mode: per site, visible, whole', () => {
  const suite = extensionSuite({ servers: 2 });
  let ext: ExtensionBrowser;
  let server: TestServer;
  let other: TestServer;

  beforeAll(() => {
    ({ ext, servers: [server, other] } = suite);
  });
  afterEach(async () => {
    const worker = await ext.worker();
    await worker.evaluate(() => chrome.storage.local.remove(['presenterMode', 'presenterMode$']));
  });

  async function open(url: string, viewport = { width: 1280, height: 720, deviceScaleFactor: 1.5 }): Promise<Page> {
    const page = await suite.newPage();
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await page.setViewport(viewport);
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  const stored = async () => {
    const worker = await ext.worker();
    return worker.evaluate(async () => (await chrome.storage.local.get('presenterMode')).presenterMode as { everywhere: boolean; sites: string[] } | undefined);
  };

  it('is on for the site where it was turned on, not on another; a sign says so, covers no picture, and turns it off', async () => {
    const lesson = await open(`${server.origin}/card/lesson.html`);
    expect(await presenterSign(lesson)).toBeNull();
    await pressCommand(ext, lesson, 'toggle-presenter');
    const sign = await until(() => presenterSign(lesson), 'the presenter-mode sign');
    expect(sign.text).toMatch(/Presenter mode/);
    expect(sign.text).toMatch(/Turn off/);
    expect(await stored()).toEqual({ everywhere: false, sites: [server.origin] });
    await identifyElement(ext, lesson, '#a1');
    const [big] = await settledCard(lesson, 1);
    expect(big!.fontSize).toBeGreaterThanOrEqual(24);

    // Small, and over none of the twelve animals, wherever the class has scrolled to.
    for (const y of [0, 300, 700]) {
      await lesson.evaluate((top) => window.scrollTo(0, top), y);
      const here = await until(async () => {
        const now = await presenterSign(lesson);
        // The sign moves a moment after scrolling stops (it waits out the scroll): settled means still for longer than that.
        await new Promise((resolve) => setTimeout(resolve, 400));
        const again = await presenterSign(lesson);
        return now && JSON.stringify(now) === JSON.stringify(again) ? now : undefined;
      }, 'the sign to settle');
      expect(here.box.height).toBeLessThanOrEqual(48);
      expect(here.box.width).toBeLessThanOrEqual(360);
      for (const picture of await boxesOf(lesson, 'img')) expect(overlapArea(here.box, picture), `the sign covers a picture at scroll ${y}`).toBe(0);
      if (y === 0) await screenshot(lesson, 'presenter-sign');
    }

    // Another site: everyday labels, no sign.
    const elsewhere = await open(`${other.origin}/card/lesson.html`);
    await identifyElement(ext, elsewhere, '#a1');
    const [everyday] = await settledCard(elsewhere, 1);
    expect(everyday!.fontSize).toBeLessThan(20);
    expect(await presenterSign(elsewhere)).toBeNull();

    // The sign's button turns it off for its site: the label there goes back to everyday size.
    await lesson.bringToFront();
    await lesson.evaluate(() => window.scrollTo(0, 0));
    const button = (await until(() => presenterSign(lesson), 'the sign')).button;
    await lesson.mouse.click(button.left + button.width / 2, button.top + button.height / 2);
    await until(async () => (await presenterSign(lesson)) === null, 'the sign to go');
    await until(async () => (await cards(lesson))[0]!.fontSize < 20, 'the label to return to its everyday size');
    expect(await stored()).toEqual({ everywhere: false, sites: [] });
  });

  it('reads the old global switch as on everywhere, until it is turned off on any site', async () => {
    const worker = await ext.worker();
    await worker.evaluate(() => chrome.storage.local.set({ presenterMode: true }));
    const first = await open(`${server.origin}/card/lesson.html`);
    const second = await open(`${other.origin}/card/lesson.html`);
    await until(() => presenterSign(first), 'the sign on the first site');
    await until(() => presenterSign(second), 'the sign on the second site');
    await pressCommand(ext, second, 'toggle-presenter');
    await until(async () => (await presenterSign(first)) === null && (await presenterSign(second)) === null, 'presenter mode to be off everywhere');
    expect(await stored()).toEqual({ everywhere: false, sites: [] });
  });

  it('opens a big card, beside the photo it describes rather than over it', async () => {
    const url = htmlPage(server, '/card/one-photo.html', `
      <style>body { margin: 0; padding: 40px; } img { display: block; width: 420px; height: 315px; object-fit: cover; }</style>
      <img id="photo" src="/samples/n02391049_zebra.JPEG" alt="">`);
    const page = await open(url);
    await pressCommand(ext, page, 'toggle-presenter');
    await until(() => presenterSign(page), 'the sign');
    await identifyElement(ext, page, '#photo');
    const [label] = await settledCard(page, 1);
    await page.mouse.click(label!.labelBox!.left + 30, label!.labelBox!.top + label!.labelBox!.height / 2);
    const open_ = await until(async () => (await cards(page)).find((card) => card.expanded && card.visible), 'the card to open');
    const sentenceSize = await inCard(page, 0, (root) => parseFloat(getComputedStyle(root.querySelector('.sentence')!).fontSize));
    expect(sentenceSize).toBeGreaterThanOrEqual(30);
    expect(open_.cardBox!.width).toBeGreaterThanOrEqual(400);
    const photo = (await boxesOf(page, '#photo'))[0]!;
    expect(overlapArea(open_.cardBox!, photo), 'the card leaves the photo in view').toBe(0);
    await screenshot(page, 'presenter-card');
  });
});
