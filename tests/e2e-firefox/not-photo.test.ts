/**
 * Firefox says what Chromium says: a picture that is not a photo of a thing (a stick-figure
 * drawing, a page of text) is answered honestly, in the same words on the page's label and in
 * the popup's latest answer and history (the engine runs in the background page here, and the
 * pictures are decoded and scaled by Firefox: the rule must hold there too).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { htmlPage, startServer, type TestServer } from '../../harness/server';
import { cards, settledCard } from './cards';
import { historyOf } from '../../harness/firefox-state';
import { launchFirefox, until, type FirefoxWithExtension } from '../../harness/firefox';
import { identifyElement } from '../../harness/firefox-menu';

const HONEST = /^(Looks like (a chart|a diagram|a drawing|text|a screenshot|a map|a table)|Not sure)/;

describe('Firefox: honest about pictures that are not photos, in the same words everywhere', () => {
  let ff: FirefoxWithExtension;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
    ff = await launchFirefox();
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  it('a drawing and a page of text: honest labels, and the popup repeats their words', async () => {
    const url = htmlPage(server, '/not-photo/firefox.html', `
      <style>img { display: block; width: 320px; height: auto; margin: 12px; }</style>
      <img id="drawing" src="/not-photo/drawing-101.jpg" alt="">
      <img id="text" src="/not-photo/text-104.png" alt="">`);
    const page: Page = await ff.browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => [...document.images].every((image) => image.complete && image.naturalWidth > 0));
    for (const [i, selector] of ['#drawing', '#text'].entries()) {
      await identifyElement(ff, page, selector);
      await settledCard(page, i + 1);
    }
    const labels = await until(async () => {
      const all = await cards(page);
      return all.length === 2 && all.every((card) => card.state === 'result') ? all : undefined;
    }, 'both answers');
    const entries = await until(async () => {
      const all = await historyOf(ff);
      return all.length >= 2 ? all : undefined;
    }, 'both answers in history');
    for (const card of labels) {
      expect(card.text).toMatch(HONEST);
      expect(card.certainty).toBe('unsure');
    }
    for (const entry of entries) expect(labels.map((card) => card.text.toLowerCase()).join(' ')).not.toContain(entry.predictions[0]!.label.toLowerCase());

    const popup = await ff.openExtensionPage('src/popup/index.html');
    const rows = await until(async () => {
      const shown = await popup.$$eval('.entry .entry-label', (items) => items.map((item) => item.textContent?.trim() ?? ''));
      return shown.length >= 2 ? shown : undefined;
    }, 'the popup to list both answers');
    // Newest first: the page of text, then the drawing.
    expect(rows.slice(0, 2)).toEqual([labels[1]!.text, labels[0]!.text]);
    const latest = await popup.$eval('.latest .label', (label) => label.textContent?.trim() ?? '');
    expect(latest).toMatch(HONEST);
    await popup.close();
    await page.close();
  });
});
