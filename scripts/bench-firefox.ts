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
import { historyOf } from '../harness/firefox-state';
import { startServer } from '../harness/server';
import { GECKO_ID } from './build/browsers';

const { values } = parseArgs({ options: { cycles: { type: 'string', default: '3' }, runs: { type: 'string', default: '20' } } });
const PHOTO = '/samples/n01440764_tench.JPEG';

const backgroundState = (ff: FirefoxWithExtension) =>
  inBrowserWindow<string>(ff, `String(WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.backgroundState)`);

/**
 * Right-click the photo, choose "Identify image", wait for the answer. The time is history's
 * `waitedMs` (menu click to answer sent to the page, taken in the background page), as in
 * `npm run bench`; from the right-click, the time the menu was open is added.
 */
async function timeAnswer(ff: FirefoxWithExtension, page: Page): Promise<{ fromRightClick: number; fromMenu: number }> {
  const newest = (await historyOf(ff))[0]?.createdAt ?? 0;
  const box = (await (await page.$('#photo'))!.boundingBox())!;
  const rightClickAt = await page.evaluate(() => Date.now());
  await openContextMenu(ff, page, box.x + box.width / 2, box.y + box.height / 2);
  const chosenAt = await chooseMenuItem(ff, 'Identify image');
  const entry = await until(async () => (await historyOf(ff)).find((candidate) => candidate.createdAt > newest), 'the answer', 60_000);
  const fromMenu = entry.waitedMs ?? Number.NaN;
  return { fromRightClick: chosenAt - rightClickAt + fromMenu, fromMenu };
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
