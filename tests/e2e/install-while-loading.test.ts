/**
 * A new user's first minute: a new profile whose first tab is still loading as Glimpse installs.
 * Chrome runs the manifest's content script in that page and Glimpse's install step injects one
 * more into every open tab: the page must end up with exactly one working copy. One "Identify
 * image" = one identification, one label, one history row, the picture read once (from the
 * page's own pixels: no download). Then the same after Glimpse reloads (as after an update).
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, until, type ExtensionBrowser } from '../../harness/chromium';
import { history } from '../../harness/reading';
import { PHOTO } from './fixtures/hostile/images';
import { cards, identifyElement, settledCard } from '../../harness/menu';
import { startServer, type TestServer } from '../../harness/server';

const PHOTO_PATH = `/samples/${PHOTO.file}`;

describe('a page loading while Glimpse installs', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  let page: Page;
  let firstHalfSent = false;

  beforeAll(async () => {
    server = await startServer();
    // The page's first half arrives at once; the rest is held until Glimpse's install step has run.
    let finish: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (finish = resolve));
    server.route('/slow/article.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
      res.write(`<!doctype html><html><head><meta charset="utf-8"><title>A slow article</title></head><body style="margin:20px">
        <h1>Penguins</h1><img id="photo" src="${PHOTO_PATH}" width="500" height="375" alt="">
        <p>${'Reading on while the rest of the page arrives. '.repeat(60)}</p>`);
      firstHalfSent = true;
      void held.then(() => res.end('<p>The end.</p></body></html>'));
    });
    // A new profile's first tab: the page given on the command line, loading as the extension installs.
    ext = await launchWithExtension({ extraArgs: [`${server.origin}/slow/article.html`] });
    await until(() => firstHalfSent, 'the first tab to start loading');
    // The install step has seen to the open tabs once the menu exists (both happen in onInstalled).
    await until(() => ext.worker().then((w) => w.evaluate(() => chrome.contextMenus.update('identify-image', {}).then(() => true, () => false))), 'the install step to run');
    page = await until(async () => (await ext.browser.pages()).find((p) => p.url().includes('/slow/')), 'the first tab');
    finish();
    await until(() => page.evaluate(() => document.readyState === 'complete').catch(() => false), 'the page to finish loading');
    await page.evaluate(() => (document.querySelector('#photo') as HTMLImageElement).decode());
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  async function identifyOnce(expectedRows: number): Promise<void> {
    await identifyElement(ext, page, '#photo', { srcUrl: `${server.origin}${PHOTO_PATH}`, mediaType: 'image' });
    await until(async () => (await history(ext)).length >= expectedRows, 'the history row', 120_000);
    const settled = await settledCard(page, 1);
    expect(settled, JSON.stringify(settled)).toHaveLength(1);
    expect(settled[0]!.state, settled[0]!.text).toBe('result');
    expect(settled[0]!.text.toLowerCase()).toContain(PHOTO.label);
  }

  it('one identification, one label, one history row, and no download of the picture on screen', async () => {
    const photoRequestsBefore = server.requests.filter((path) => path === PHOTO_PATH).length;
    await identifyOnce(1);
    // Asked again once the first answer is in: still one label, and exactly one more row.
    await identifyOnce(2);
    expect((await cards(page)).length).toBe(1);
    expect((await history(ext)).length).toBe(2);
    // Read from the page's pixels both times: the page's own load is the only request for the photo.
    expect(server.requests.filter((path) => path === PHOTO_PATH).length).toBe(photoRequestsBefore);
  });
});
