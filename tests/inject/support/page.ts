/**
 * A real Chromium page (no extension) holding Glimpse's modules on a stubbed extension API:
 * fast tests of the card's placement and UI states and of the popup's views.
 */
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { chromiumPath, QUIET_CHROMIUM } from '../../../harness/chromium';
import { htmlPage, type TestServer } from '../../../harness/server';
import { bundle } from './bundle';

export async function launchPlain(): Promise<Browser> {
  return puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    protocolTimeout: 60_000,
    args: QUIET_CHROMIUM,
    ignoreDefaultArgs: ['--headless'],
    defaultViewport: { width: 1000, height: 700 },
  });
}

/**
 * Opens `body` as a page of the test server with Glimpse's modules loaded (as `window.glimpseInject`).
 * Shadow roots open here whatever mode the card asks for: tests read the card directly (in the
 * extension it is closed, and the e2e tests read it through DevTools).
 */
export async function injectedPage(browser: Browser, server: TestServer, path: string, body: string, options: { popupStyles?: boolean } = {}): Promise<Page> {
  const page = await browser.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  // Errors after loading fail no test by themselves, but say why a view never appeared.
  page.on('pageerror', (error) => console.error(`[page ${path}]`, String(error)));
  page.on('console', (message) => message.type() === 'error' && !message.text().startsWith('Failed to load resource') && console.error(`[page ${path}]`, message.text()));
  await page.evaluateOnNewDocument(() => {
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init: ShadowRootInit) {
      return attach.call(this, { ...init, mode: 'open' });
    };
  });
  await page.goto(htmlPage(server, path, body));
  const { script, style } = await bundle();
  // The popup's styles size the whole document (380 x 600): only popup pages get them.
  if (options.popupStyles && style) await page.addStyleTag({ content: style });
  await page.addScriptTag({ content: script });
  if (errors.length > 0) throw new Error(`the page failed to load Glimpse's modules: ${errors.join('; ')}`);
  return page;
}
