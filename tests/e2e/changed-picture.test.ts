/**
 * A label never goes on naming a picture that is no longer there: a carousel that reuses one
 * <img> and changes its src, a hero whose CSS background a class changes. What a person sees
 * after the page swaps the picture: the label no longer names the old one, says the picture
 * changed, still sits on its picture, and "Identify again" names the new one. Real model.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { extensionSuite } from './support/extension-suite';
import { boxesOf, overlapArea, touches } from './support/card-geometry';
import { until, type ExtensionBrowser } from '../../harness/chromium';
import { chooseMenuItem } from '../../harness/commands';
import { cards, identifyElement, inCard, settledCard, type CardState } from '../../harness/menu';
import type { TestServer } from '../../harness/server';

const CHANGED = 'Picture changed · Identify again';

/** GLIMPSE_SCREENSHOTS=<folder> saves the slider's part of the page, for a person to check. */
async function screenshot(page: Page, name: string, height = 1000): Promise<void> {
  const folder = process.env.GLIMPSE_SCREENSHOTS;
  if (folder) await page.screenshot({ path: join(folder, `${name}.png`), clip: { x: 0, y: 0, width: 528, height } });
}

describe('labels whose picture the page swaps', () => {
  const suite = extensionSuite();
  let ext: ExtensionBrowser;
  let server: TestServer;

  beforeAll(() => {
    ({ ext, servers: [server] } = suite);
  });

  async function open(): Promise<Page> {
    const page = await suite.newPage();
    await page.setViewport({ width: 1100, height: 1000 });
    await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
    await page.goto(`${server.origin}/card/carousel.html`, { waitUntil: 'load' });
    // A person right-clicks the hero once its photo shows: the load event does not wait for a CSS
    // background to be decoded and painted, and until then the screen shows a flat grey box.
    await page.evaluate(async () => {
      const url = /url\("?([^")]+)"?\)/.exec(getComputedStyle(document.getElementById('hero')!).backgroundImage)![1]!;
      const image = new Image();
      image.src = url;
      await image.decode();
      for (let frame = 0; frame < 3; frame++) await new Promise((resolve) => requestAnimationFrame(resolve));
    });
    return page;
  }

  const cardIn = (page: Page, state: string, what: string): Promise<CardState> =>
    until(async () => (await cards(page)).find((card) => card.state === state && card.visible && card.box !== null), what, 120_000);

  /** Records what the card's live region says, from now on. */
  const recordAnnouncements = (page: Page) =>
    inCard(page, 0, (root) => {
      const live = root.querySelector('.live')!;
      const said: string[] = [];
      new MutationObserver(() => {
        if (live.textContent) said.push(live.textContent);
      }).observe(live, { childList: true, characterData: true, subtree: true });
      (root as unknown as { said: string[] }).said = said;
    });
  const announcements = (page: Page) => inCard(page, 0, (root) => (root as unknown as { said: string[] }).said);

  /** Clicks the middle of the label, as a person would. */
  async function clickLabel(page: Page, card: CardState): Promise<void> {
    const box = card.labelBox!;
    await page.mouse.click(box.left + box.width / 2, box.top + box.height / 2);
  }

  it('a carousel changes the <img>\'s src: the label stops naming the penguin, says so on the picture, and "Identify again" names the zebra', async () => {
    const page = await open();
    await identifyElement(ext, page, '#slide');
    const [first] = await settledCard(page, 1);
    expect(first!.text.toLowerCase()).toBe('king penguin');
    await recordAnnouncements(page);

    await page.click('#next');
    const changed = await cardIn(page, 'changed', 'the label to say the picture changed');
    await screenshot(page, 'changed-picture', 580);
    expect(changed.text).toBe(CHANGED);
    expect(changed.text.toLowerCase()).not.toContain('penguin');
    expect(changed.certainty, 'not styled as an answer').toBeNull();
    const [slide] = await boxesOf(page, '#slide');
    const [next] = await boxesOf(page, '#next');
    expect(touches(changed.labelBox!, slide!), `label ${JSON.stringify(changed.labelBox)} on the picture ${JSON.stringify(slide)}`).toBe(true);
    expect(overlapArea(changed.labelBox!, next!), 'the carousel\'s own Next button stays free').toBe(0);
    expect(await announcements(page)).toEqual(['Glimpse: the picture changed; its label no longer names it.']);

    await clickLabel(page, changed);
    const again = await cardIn(page, 'result', 'the new picture\'s answer');
    expect(again.text.toLowerCase()).toBe('zebra');
    expect(touches(again.labelBox!, slide!)).toBe(true);
    expect(await cards(page)).toHaveLength(1);
  });

  it('the carousel comes back round to the identified picture: its answer is true again and comes back', async () => {
    const page = await open();
    await identifyElement(ext, page, '#slide');
    await settledCard(page, 1);
    await page.click('#next');
    await cardIn(page, 'changed', 'the label to say the picture changed');
    await page.click('#prev');
    const back = await cardIn(page, 'result', 'the answer to come back');
    expect(back.text.toLowerCase()).toBe('king penguin');
  });

  it('a framework replaces the <img> element with the next slide\'s: the label moves onto it saying the picture changed; re-rendered with the identified picture, the answer is back', async () => {
    const page = await open();
    await identifyElement(ext, page, '#rendered');
    const [first] = await settledCard(page, 1);
    expect(first!.text.toLowerCase()).toBe('lorikeet');

    await page.click('#render-next');
    const changed = await cardIn(page, 'changed', 'the label to move onto the new element, saying the picture changed');
    expect(changed.text).toBe(CHANGED);
    const [rendered] = await boxesOf(page, '#rendered');
    expect(touches(changed.labelBox!, rendered!), `label ${JSON.stringify(changed.labelBox)} on the new element ${JSON.stringify(rendered)}`).toBe(true);

    // Back to the lorikeet, in yet another new element: the answer is true again.
    await page.click('#render-prev');
    const back = await cardIn(page, 'result', 'the answer to come back on the re-rendered lorikeet');
    expect(back.text.toLowerCase()).toBe('lorikeet');

    await page.click('#render-next');
    const again = await cardIn(page, 'changed', 'the label to say the picture changed');
    await clickLabel(page, again);
    const named = await cardIn(page, 'result', 'the new bird\'s answer');
    expect(named.text.toLowerCase()).toBe('flamingo');
    const [now] = await boxesOf(page, '#rendered');
    expect(touches(named.labelBox!, now!)).toBe(true);
  });

  it('in presenter mode the changed label is one big line, on its picture', async () => {
    const worker = await ext.worker();
    await worker.evaluate(() => chrome.storage.local.set({ presenterMode: true }));
    try {
      const page = await open();
      await identifyElement(ext, page, '#slide');
      await settledCard(page, 1);
      await page.click('#next');
      const changed = await cardIn(page, 'changed', 'the label to say the picture changed');
      await screenshot(page, 'changed-presenter', 580);
      expect(changed.fontSize).toBeGreaterThanOrEqual(40);
      expect(changed.labelBox!.height, 'one line').toBeLessThan(changed.fontSize * 1.9);
      const [slide] = await boxesOf(page, '#slide');
      expect(touches(changed.labelBox!, slide!)).toBe(true);
      expect(changed.text).toBe('Picture changed');
    } finally {
      await worker.evaluate(() => chrome.storage.local.remove('presenterMode'));
    }
  });

  it('a class swaps a CSS background while the card is open: the open card and then its label stop naming the volcano; "Identify again" names the zebra', async () => {
    const page = await open();
    await identifyElement(ext, page, '#hero');
    const [first] = await settledCard(page, 1);
    expect(first!.text.toLowerCase()).toContain('volcano');
    await clickLabel(page, first!);
    const opened = await until(async () => (await cards(page)).find((card) => card.expanded), 'the card to open');
    expect(opened.text.toLowerCase()).toContain('volcano');

    // The slider moves on by itself (a click on the page would close the card first).
    await page.$eval('#hero-next', (button) => (button as HTMLButtonElement).click());
    const changedCard = await until(async () => (await cards(page)).find((card) => card.state === 'changed' && card.expanded), 'the open card to say the picture changed');
    await screenshot(page, 'changed-background-card');
    expect(changedCard.text.toLowerCase()).not.toContain('volcano');
    expect(changedCard.text).toContain('The page changed this picture after Glimpse identified it');
    expect(changedCard.text).toContain('Identify again');

    await page.keyboard.press('Escape');
    const label = await until(async () => (await cards(page)).find((card) => card.state === 'changed' && !card.expanded && card.visible), 'the card to close to its label');
    expect(label.text).toBe(CHANGED);
    const [hero] = await boxesOf(page, '#hero');
    expect(touches(label.labelBox!, hero!)).toBe(true);

    await clickLabel(page, label);
    const again = await cardIn(page, 'result', 'the new background\'s answer');
    expect(again.text.toLowerCase()).toBe('zebra');
  });

  it('a page scan\'s label on the carousel stops naming the penguin when the slide moves on; the other label keeps its answer', async () => {
    const page = await open();
    await chooseMenuItem(ext, page, 'identify-page');
    const labelled = await settledCard(page, 2);
    const [slide] = await boxesOf(page, '#slide');
    const [hero] = await boxesOf(page, '#hero');
    const onSlide = (all: CardState[]) => all.find((card) => card.labelBox && overlapArea(card.labelBox, slide!) > 0);
    const onHero = (all: CardState[]) => all.find((card) => card.labelBox && overlapArea(card.labelBox, hero!) > 0);
    expect(onSlide(labelled)?.text.toLowerCase()).toBe('king penguin');
    expect(onHero(labelled)?.text.toLowerCase()).toContain('volcano');

    await page.click('#next');
    const changed = await until(async () => {
      const all = await cards(page);
      return onSlide(all)?.state === 'changed' ? all : undefined;
    }, 'the slide\'s label to say the picture changed');
    expect(onSlide(changed)!.text).toBe(CHANGED);
    expect(onHero(changed)!.text.toLowerCase()).toContain('volcano');

    await clickLabel(page, onSlide(changed)!);
    const again = await until(async () => {
      const all = await cards(page);
      return onSlide(all)?.state === 'result' ? onSlide(all) : undefined;
    }, 'the new slide\'s answer');
    expect(again.text.toLowerCase()).toBe('zebra');
  });
});
