/**
 * Issue 19's smaller things a person notices: a picture that never loaded is said not to have
 * loaded (not "no longer at this address"); the labels' edge colours are explained (the open card,
 * the label's tooltip); the scan's pill keeps off the page's controls and goes soon after it is done.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { extensionSuite } from './support/extension-suite';
import { overlapArea } from './support/card-geometry';
import { until, type ExtensionBrowser } from '../../harness/chromium';
import { pressCommand } from '../../harness/commands';
import { cards, identifyElement, inCard, settledCard } from '../../harness/menu';
import { pillWhen, scanPill } from '../../harness/scan-pill';
import { htmlPage, type TestServer } from '../../harness/server';

describe('words and the pill, as a person reads them', () => {
  const suite = extensionSuite();
  let ext: ExtensionBrowser;
  let server: TestServer;

  beforeAll(() => {
    ({ ext, servers: [server] } = suite);
  });

  async function open(url: string): Promise<Page> {
    const page = await suite.newPage();
    await page.setViewport({ width: 1280, height: 800 });
    await page.goto(url, { waitUntil: 'load' });
    return page;
  }

  it('says a picture that never loaded did not load', async () => {
    const url = htmlPage(server, '/words/broken.html', `
      <style>img { display: block; width: 320px; height: 240px; margin: 20px; }</style>
      <img id="gone" src="/words/missing-photo.jpg" alt="A photo">`);
    const page = await open(url);
    await identifyElement(ext, page, '#gone');
    const [card] = await settledCard(page, 1);
    expect(card!.state).toBe('error');
    expect(card!.text).toMatch(/did not load on the page/);
    expect(card!.text).not.toMatch(/no longer at this address/);
  });

  it('explains the label edge colours in the label\'s tooltip and in the open card', async () => {
    const url = htmlPage(server, '/words/photo.html', `
      <style>img { display: block; width: 480px; height: 360px; margin: 20px; }</style>
      <img id="zebra" src="/samples/n02391049_zebra.JPEG" alt="">`);
    const page = await open(url);
    await identifyElement(ext, page, '#zebra');
    const [label] = await settledCard(page, 1);
    const tooltip = await inCard(page, 0, (root) => (root.querySelector('.chip') as HTMLElement).title);
    const colour = { sure: 'Blue', probably: 'Amber', unsure: 'Grey' }[label!.certainty as 'sure'];
    expect(tooltip).toMatch(new RegExp(`^${colour} edge: Glimpse`));
    await page.mouse.click(label!.labelBox!.left + 20, label!.labelBox!.top + label!.labelBox!.height / 2);
    const opened = await until(async () => (await cards(page)).find((card) => card.expanded), 'the card to open');
    expect(opened.text).toMatch(/Label edges: sure probably not sure/);
  });

  it('keeps the scan\'s pill off the page\'s "Add to basket" bar, and lets it go soon after the scan is done', async () => {
    const tiles = ['n04120489_running_shoe', 'n03680355_Loafer', 'n03124170_cowboy_hat']
      .map((name, i) => `<img id="p${i}" src="/samples/${name}.JPEG" alt="">`).join('');
    const url = htmlPage(server, '/words/basket.html', `
      <style>
        body { margin: 0; padding: 20px 20px 200px; }
        .grid { display: grid; grid-template-columns: repeat(3, 220px); gap: 16px; }
        .grid img { width: 220px; height: 220px; object-fit: cover; display: block; }
        .buy { position: fixed; left: 0; right: 0; bottom: 0; height: 72px; display: flex; justify-content: center; align-items: center; background: #fff; border-top: 1px solid #ddd; }
        .buy button { width: 420px; height: 48px; font: 700 18px system-ui; background: #f59e0b; border: 0; border-radius: 24px; }
      </style>
      <div class="grid">${tiles}</div>
      <div class="buy"><button id="basket">Add to basket</button></div>`);
    const page = await open(url);
    await pressCommand(ext, page, 'identify-page');
    const basket = await page.$eval('#basket', (button) => {
      const r = button.getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height };
    });
    const pillBox = () => page.$eval('glimpse-scan-progress', (host) => {
      const r = host.getBoundingClientRect();
      return { left: r.left, top: r.top, width: r.width, height: r.height };
    });
    await pillWhen(page, () => true, 'the pill to show');
    expect(overlapArea(await pillBox(), basket), 'the pill covers "Add to basket" while scanning').toBe(0);
    await pillWhen(page, (pill) => pill.state === 'done', 'the scan to finish', 180_000);
    expect(overlapArea(await pillBox(), basket), 'the pill covers "Add to basket" when done').toBe(0);
    // What page script can read of the pill and the labels: that they exist, never their state or counts.
    const shownToPage = await page.$$eval('[data-glimpse-ui]', (hosts) => [...new Set(hosts.flatMap((host) => host.getAttributeNames()))].sort());
    expect(shownToPage).toEqual(['data-glimpse-card', 'data-glimpse-scan', 'data-glimpse-ui', 'popover', 'style']);
    // Gone by itself within a few seconds of "3 of 3" (it stayed 10 s).
    await until(async () => (await scanPill(page)) === null, 'the finished pill to go by itself', 8_000);
  });
});
