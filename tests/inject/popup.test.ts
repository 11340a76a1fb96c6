import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { until } from '../../harness/chromium';
import { startServer, type TestServer } from '../../harness/server';
import { injectedPage, launchPlain } from './support/page';

/** The popup rendered from what storage holds (set before it starts), the engine answering "ready". */
async function popupWith(browser: Browser, server: TestServer, path: string, local: Record<string, unknown>): Promise<Page> {
  const page = await injectedPage(browser, server, path, '<div id="app"></div>', { popupStyles: true });
  await page.evaluate(async (items) => {
    const { stub, storage } = window.glimpseInject;
    stub.answer.warm = () => ({ state: 'ready', backend: 'wasm' });
    await storage.local.set(items);
    window.glimpseInject.renderPopup();
  }, local);
  await page.waitForSelector('.app[data-ready="true"]');
  return page;
}

const text = (page: Page, selector: string) => page.$eval(selector, (el) => (el as HTMLElement).innerText.replace(/\s+/g, ' ').trim());

describe('the popup in a page, on a stubbed extension API', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchPlain();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('with nothing stored: asks the engine to warm up, shows no answer and says how to start', async () => {
    const page = await popupWith(browser, server, '/inject/popup-empty.html', {});
    expect(await page.evaluate(() => window.glimpseInject.stub.sent.map((message) => message.type))).toContain('warm');
    expect(await page.$eval('.latest', (section) => (section as HTMLElement).hidden)).toBe(true);
    expect(await text(page, '.empty')).toBe('Nothing here yet. Right-click any image on a page and choose “Identify image”, or add a picture above.');
    expect(await page.$eval('#backend-select', (select) => (select as HTMLSelectElement).value)).toBe('auto');
  });

  it('shows a stored failure in plain words, with its site and a retry', async () => {
    const page = await popupWith(browser, server, '/inject/popup-error.html', {
      latest: {
        kind: 'error', at: Date.now(), error: { code: 'network' },
        origin: { pageUrl: 'https://photos.example.org/album', imageUrl: 'https://photos.example.org/a.jpg' },
      },
    });
    expect(await page.$eval('.latest', (section) => [section.getAttribute('data-state'), section.getAttribute('data-error-code')])).toEqual(['error', 'network']);
    const latest = await text(page, '.latest');
    expect(latest).toContain('The image could not be downloaded. Check the connection or the address.');
    expect(latest).toContain('photos.example.org');
    expect(await page.$$eval('.latest button', (buttons) => buttons.map((b) => (b as HTMLElement).innerText.trim()))).toContain('Try again');
  });

  it('follows the engine status as it changes in session storage', async () => {
    const page = await popupWith(browser, server, '/inject/popup-engine.html', {});
    await page.evaluate(() => window.glimpseInject.storage.session.set({ engineStatus: { state: 'loading', progress: 0.4 } }));
    await until(async () => (await text(page, '.engine')) === 'Loading the model…', 'the loading state');
    expect(await page.$eval('.progress', (bar) => bar.getAttribute('aria-valuenow'))).toBe('40');
    await page.evaluate(() => window.glimpseInject.storage.session.set({ engineStatus: { state: 'failed', detail: 'no backend' } }));
    await until(async () => (await text(page, '.engine')) === 'The model could not start.', 'the failed state');
    // A stored value of the wrong shape reads as "nothing stored", never as a broken view.
    await page.evaluate(() => window.glimpseInject.storage.session.set({ engineStatus: { state: 'exploded' } }));
    await until(async () => (await page.$eval('.engine', (p) => p.getAttribute('data-engine-state'))) === 'ready', 'the warm answer again');
  });
});
