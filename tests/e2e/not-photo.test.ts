/**
 * Pictures that are not photos of a thing (a chart, a stick-figure drawing, an app's settings
 * screen, a page of text; drawn by scripts/make-not-photo-set.ts with seeds the rule was never
 * fitted on) are answered honestly, and every view says the same words: the label on the page,
 * the open card, the popup's latest answer and its history row. Real model, real right-clicks.
 */
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPopup, until, type ExtensionBrowser } from '../../harness/chromium';
import { history } from '../../harness/reading';
import { cards, identifyElement, settledCard, type CardState } from '../../harness/menu';
import { htmlPage, startServer, type TestServer } from '../../harness/server';

/** The words of an honest answer about a picture that is not a photo: what it looks like, or "not sure". */
export const HONEST = /^(Looks like (a chart|a diagram|a drawing|text|a screenshot|a map|a table)|Not sure)/;

async function screenshot(page: Page, name: string): Promise<void> {
  const folder = process.env.GLIMPSE_SCREENSHOTS;
  if (folder) await page.screenshot({ path: join(folder, `${name}.png`) });
}

describe('honest about pictures that are not photos, in one wording everywhere', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
    ext = await launchWithExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('a chart, a drawing, a settings screen and a page of text are not named as things; a photo still is', async () => {
    const url = htmlPage(server, '/not-photo/page.html', `
      <style>body { display: flex; flex-wrap: wrap; gap: 16px; } img { width: 300px; height: auto; }</style>
      <img id="chart" src="/not-photo/chart-101.jpg" alt="">
      <img id="drawing" src="/not-photo/drawing-101.jpg" alt="">
      <img id="settings" src="/not-photo/screenshot-105.png" alt="">
      <img id="text" src="/not-photo/text-104.png" alt="">
      <img id="photo" src="/samples/n07684084_French_loaf.JPEG" alt="">`);
    const page = await ext.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(url, { waitUntil: 'load' });
    const selectors = ['#chart', '#drawing', '#settings', '#text', '#photo'];
    for (const [i, selector] of selectors.entries()) {
      await identifyElement(ext, page, selector);
      await settledCard(page, i + 1);
    }
    const labels = await settledCard(page, selectors.length);
    const entries = (await history(ext)).sort((a, b) => a.createdAt - b.createdAt);
    expect(entries).toHaveLength(selectors.length);
    const drawn = labels.slice(0, 4);
    drawn.forEach((card, i) => {
      expect(card.text, `${selectors[i]}: "${card.text}" (the model guessed ${entries[i]!.predictions[0]!.label})`).toMatch(HONEST);
      expect(card.certainty).toBe('unsure');
      // The model's guess ("envelope", "wall clock") is not the answer.
      expect(card.text.toLowerCase()).not.toContain(entries[i]!.predictions[0]!.label.toLowerCase());
    });
    expect(labels[4]!.text).toBe('Baguette');
    expect(entries[4]!.notPhoto).toBeUndefined();
    await screenshot(page, 'not-photos');

    // The open card says the label's words first.
    const chart = labels[0]!;
    await page.mouse.click(chart.labelBox!.left + 20, chart.labelBox!.top + 10);
    const open: CardState = await until(async () => (await cards(page)).find((card) => card.expanded), 'the card to open');
    expect(open.text).toContain(chart.text);

    // The popup: its latest answer and its history rows in the same words as the labels.
    const popup = await openPopup(ext);
    await popup.waitForSelector('.app[data-ready="true"]');
    const rows = await until(async () => {
      const shown = await popup.$$eval('.history .entry .entry-label', (items) => items.map((item) => item.textContent?.trim() ?? ''));
      return shown.length >= selectors.length ? shown : undefined;
    }, 'the popup to list the answers');
    expect(rows.slice(0, selectors.length)).toEqual(labels.map((card) => card.text).reverse());
    const latest = await popup.$eval('.latest .label', (label) => label.textContent?.trim() ?? '');
    expect(latest.startsWith('Baguette')).toBe(true);
    // A not-photo row carries no percentage: the model's 80 % "envelope" would be misread as sureness about the chart.
    const confidences = await popup.$$eval('.history .entry .entry-confidence', (items) => items.map((item) => item.textContent?.trim() ?? ''));
    expect(confidences.slice(0, selectors.length).map((text) => /^\S+% sure$/.test(text))).toEqual([...entries].reverse().map((entry) => !entry.notPhoto));
    await popup.close();
    await page.close();
  });
});
