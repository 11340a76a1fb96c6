/**
 * Labels name what the user saw, not what the DOM or hit-testing says (issue 19, "Deliver 6"):
 * a fade carousel (slides stacked, the shown one at full opacity, the faded ones on top), a
 * carousel that stacks its slides by z-index, two tiles of one sprite sheet, and a photo laid
 * over another with `pointer-events: none`. Real model; what a person checks: the words on the
 * label, and that they stop naming a picture once another one is shown in its place.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { extensionSuite } from './support/extension-suite';
import { boxesOf, touches } from './support/card-geometry';
import { until, type ExtensionBrowser } from '../../harness/chromium';
import { pressCommand } from '../../harness/commands';
import { cards, rightClickAndIdentify, settledCard, type CardState } from '../../harness/menu';
import type { TestServer } from '../../harness/server';

const CHANGED = 'Picture changed · Identify again';

describe('labels watch what is shown', () => {
  const suite = extensionSuite();
  let ext: ExtensionBrowser;
  let server: TestServer;

  beforeAll(() => {
    ({ ext, servers: [server] } = suite);
  });

  async function open(): Promise<Page> {
    const page = await suite.newPage();
    await page.setViewport({ width: 1000, height: 900 });
    await page.goto(`${server.origin}/watch/shown.html`, { waitUntil: 'load' });
    await until(() => page.evaluate(() => document.body.dataset.spriteReady === 'yes'), 'the sprite sheet to be drawn');
    return page;
  }

  /** GLIMPSE_SCREENSHOTS=<folder> saves the page, for a person to check. */
  async function screenshot(page: Page, name: string): Promise<void> {
    const folder = process.env.GLIMPSE_SCREENSHOTS;
    if (folder) await page.screenshot({ path: join(folder, `${name}.png`) });
  }

  const cardIn = (page: Page, state: string, what: string): Promise<CardState> =>
    until(async () => (await cards(page)).find((card) => card.state === state && card.visible && card.box !== null), what, 120_000);

  /** A right-click at the middle of `selector`, and "Identify image" with the address Chrome's own hit test names there. */
  async function identifyAt(page: Page, selector: string): Promise<void> {
    const [box] = await boxesOf(page, selector);
    const x = box!.left + box!.width / 2;
    const y = box!.top + box!.height / 2;
    const srcUrl = await page.evaluate((px, py) => (document.elementFromPoint(px, py) as HTMLImageElement | null)?.currentSrc || undefined, x, y);
    await rightClickAndIdentify(ext, page, x, y, srcUrl ? { srcUrl, mediaType: 'image' } : {});
  }

  async function clickLabel(page: Page, card: CardState): Promise<void> {
    const box = card.labelBox!;
    await page.mouse.click(box.left + box.width / 2, box.top + box.height / 2);
  }

  it('a fade carousel: the shown slide is named (not the faded one on top); when the next slide fades in, the label says the picture changed', async () => {
    const page = await open();
    await identifyAt(page, '#fade');
    const first = await cardIn(page, 'result', 'the answer');
    expect(first.text.toLowerCase()).toBe('king penguin');
    await page.click('#fade-next');
    const changed = await cardIn(page, 'changed', 'the label to say the picture changed');
    expect(changed.text).toBe(CHANGED);
    const [stage] = await boxesOf(page, '#fade');
    expect(touches(changed.labelBox!, stage!)).toBe(true);
    await screenshot(page, 'fade-carousel-changed');
    await clickLabel(page, changed);
    const again = await cardIn(page, 'result', 'the shown slide\'s answer');
    expect(again.text.toLowerCase()).toBe('zebra');
    // Back round to the penguin: the first answer is true again.
    await page.click('#fade-next');
    await cardIn(page, 'changed', 'the zebra\'s label to say the picture changed');
    expect(await cards(page)).toHaveLength(1);
  });

  it('a carousel that raises the shown slide by z-index: the label says the picture changed when another slide is raised', async () => {
    const page = await open();
    await identifyAt(page, '#stack');
    const first = await cardIn(page, 'result', 'the answer');
    expect(first.text.toLowerCase()).toBe('volcano');
    await page.click('#stack-next');
    const changed = await cardIn(page, 'changed', 'the label to say the picture changed');
    expect(changed.text).toBe(CHANGED);
    await page.click('#stack-next');
    const back = await cardIn(page, 'result', 'the answer to come back with its slide');
    expect(back.text.toLowerCase()).toBe('volcano');
  });

  it('a sprite sheet: another tile of the same image file is another picture', async () => {
    const page = await open();
    await identifyAt(page, '#tile');
    const first = await cardIn(page, 'result', 'the answer');
    expect(first.text.toLowerCase()).toBe('king penguin');
    await page.click('#tile-next');
    const changed = await cardIn(page, 'changed', 'the label to say the picture changed');
    expect(changed.text).toBe(CHANGED);
    await screenshot(page, 'sprite-changed');
    await clickLabel(page, changed);
    const again = await cardIn(page, 'result', 'the new tile\'s answer');
    expect(again.text.toLowerCase()).toBe('zebra');
  });

  it('a photo on top with pointer-events: none: the right-click and the shortcut name the visible one, not the one underneath', async () => {
    const page = await open();
    await identifyAt(page, '#overlay');
    const byMenu = await cardIn(page, 'result', 'the answer');
    expect(byMenu.text.toLowerCase()).toBe('king penguin');
    const [stage] = await boxesOf(page, '#overlay');
    expect(touches(byMenu.labelBox!, stage!)).toBe(true);
    await screenshot(page, 'photo-over-photo');

    await page.close();
    const other = await open();
    await other.bringToFront();
    const [box] = await boxesOf(other, '#overlay');
    await other.mouse.move(box!.left + box!.width / 2 - 20, box!.top + box!.height / 2);
    await other.mouse.move(box!.left + box!.width / 2, box!.top + box!.height / 2);
    await pressCommand(ext, other, 'identify-pointer');
    const [byShortcut] = await settledCard(other, 1);
    expect(byShortcut!.state, byShortcut!.text).toBe('result');
    expect(byShortcut!.text.toLowerCase()).toBe('king penguin');
  });
});
