/**
 * The lean path: a right-click's answer goes out before its history thumbnail is made; the
 * history entry (and the popup's latest answer) get the thumbnail right after.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/shared/types';
import { launchWithExtension, openPopup, until, type ExtensionBrowser } from '../../harness/chromium';
import { identifyElement, settledCard } from '../../harness/menu';
import { htmlPage, startServer, type TestServer } from '../../harness/server';

describe('an answer first, its thumbnail just after', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    ext = await launchWithExtension();
    page = await ext.browser.newPage();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('shows the card, then keeps the picture\'s thumbnail in history and in the popup', async () => {
    const url = htmlPage(server, '/penguin.html', '<img id="photo" src="/samples/n02056570_king_penguin.JPEG" width="400">');
    await page.goto(url, { waitUntil: 'load' });
    await identifyElement(ext, page, '#photo', { srcUrl: `${server.origin}/samples/n02056570_king_penguin.JPEG`, mediaType: 'image' });
    const [card] = await settledCard(page, 1);
    expect(card!.state).toBe('result');
    expect(card!.text.toLowerCase()).toContain('king penguin');

    const worker = await ext.worker();
    const entry = await until(async () => {
      const stored = await worker.evaluate(async () =>
        Object.entries(await chrome.storage.local.get(null)).filter(([key]) => key.startsWith('history:')).map(([, value]) => value),
      );
      const [only] = stored as HistoryEntry[];
      return only?.thumbnail ? only : undefined;
    }, 'the history entry to get its thumbnail');
    expect(entry.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
    expect(entry.predictions[0]!.label).toBe('king penguin');

    const popup = await openPopup(ext);
    const src = await until(() => popup.$eval('.latest img', (img) => (img as HTMLImageElement).src).catch(() => ''), 'the popup thumbnail');
    expect(src).toBe(entry.thumbnail);
    await popup.close();
  });
});
