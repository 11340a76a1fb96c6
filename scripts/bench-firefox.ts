/**
 * npm run bench:firefox [-- --cycles N --runs N]
 * Glimpse in headless Firefox ESR (dist-firefox/), through the real context menu on a page served
 * from 127.0.0.1. Firefox suspends the extension's background page ~30 s after its last event, and
 * the next identification loads the model again; this measures what a person waits:
 *  - first answer in a fresh browser, and the cold answer after each suspension (N cycles), both
 *    from the right-click and from choosing the menu item to the answer on the page;
 *  - a warm answer right after; bare model.predict (ms per run) in the background page.
 */
import { parseArgs } from 'node:util';
import type { Page } from 'puppeteer-core';
import { launchFirefox, type FirefoxWithExtension, until } from '../harness/firefox';
import { inBrowserWindow, openContextMenu, chooseMenuItem } from '../harness/firefox-menu';
import { startServer } from '../harness/server';
import { GECKO_ID } from './build/browsers';

const { values } = parseArgs({ options: { cycles: { type: 'string', default: '3' }, runs: { type: 'string', default: '20' } } });
const PHOTO = '/samples/n01440764_tench.JPEG';

const backgroundState = (ff: FirefoxWithExtension) =>
  inBrowserWindow<string>(ff, `String(WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.backgroundState)`);

/** Right-click the photo, choose "Identify image", wait for the answer on the page. */
async function timeAnswer(ff: FirefoxWithExtension, page: Page): Promise<{ fromRightClick: number; fromMenu: number }> {
  // The page notes the moment the card shows its answer (the browser's clock, as the menu's is).
  await page.evaluate(() => {
    // Earlier cards stay (Glimpse puts back a card a page removes): only a new card's answer counts.
    const earlier = new Set(document.querySelectorAll('[data-glimpse-card]'));
    delete (window as unknown as { answeredAt?: number }).answeredAt;
    const watcher = new MutationObserver(() => {
      if ([...document.querySelectorAll('[data-glimpse-card][data-state="result"]')].some((card) => !earlier.has(card))) {
        (window as unknown as { answeredAt: number }).answeredAt = Date.now();
        watcher.disconnect();
      }
    });
    watcher.observe(document, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
  });
  const box = (await (await page.$('#photo'))!.boundingBox())!;
  const rightClickAt = await page.evaluate(() => Date.now());
  await openContextMenu(ff, page, box.x + box.width / 2, box.y + box.height / 2);
  const chosenAt = await chooseMenuItem(ff, 'Identify image');
  const answeredAt = await until(() => page.evaluate(() => (window as unknown as { answeredAt?: number }).answeredAt), 'the answer', 60_000);
  return { fromRightClick: answeredAt - rightClickAt, fromMenu: answeredAt - chosenAt };
}

const server = await startServer();
const ff = await launchFirefox();
try {
  server.route('/bench-page.html', (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>Bench</title><img id="photo" src="${PHOTO}" width="400">`);
  });
  const page = await ff.browser.newPage();
  await page.goto(`${server.origin}/bench-page.html`, { waitUntil: 'load' });
  await page.waitForFunction(() => (document.querySelector('#photo') as HTMLImageElement | null)?.complete);
  console.log('first answer (fresh browser):', await timeAnswer(ff, page));
  console.log('warm answer:', await timeAnswer(ff, page));
  for (let cycle = 1; cycle <= Number(values.cycles); cycle++) {
    const idleFrom = performance.now();
    await until(async () => (await backgroundState(ff)) === 'stopped', 'the background page to be suspended', 120_000);
    const idleS = ((performance.now() - idleFrom) / 1000).toFixed(0);
    console.log(`cold answer after suspension #${cycle} (suspended after ${idleS} s idle):`, await timeAnswer(ff, page));
  }
  console.log('warm answer:', await timeAnswer(ff, page));
  const control = await ff.openExtensionPage('src/popup/index.html');
  const predict = await control.evaluate(async (runs: number) => {
    const background = (await (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<unknown> } } }).browser.runtime.getBackgroundPage()) as unknown as {
      glimpse: { benchPredict(runs: number): Promise<{ backend: string; msPerRun: number }> };
    };
    return background.glimpse.benchPredict(runs);
  }, Number(values.runs));
  console.log(`bare predict: ${predict.msPerRun.toFixed(1)} ms per run on ${predict.backend}`);
} finally {
  await ff.close();
  await server.close();
}
