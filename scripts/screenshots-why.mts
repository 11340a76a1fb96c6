/**
 * Screenshots of "Why?": docs/why.png (the open card's heat-map over a wide banner) and
 * docs/why-popup.png (the popup's details). Drives the built extension with the real model.
 *
 *   npx tsx scripts/screenshots-why.mts
 */
import { mkdir } from 'node:fs/promises';
import { launchWithExtension, openPopup, until } from '../harness/chromium';
import { identifyElement, inCard, settledCard } from '../harness/menu';
import { startServer } from '../harness/server';

const server = await startServer();
const ext = await launchWithExtension();
try {
  await mkdir('docs', { recursive: true });
  const page = await ext.browser.newPage();
  await page.setViewport({ width: 1280, height: 760 });
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.goto(`${server.origin}/explain/banner.html`, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready="true"]');
  await identifyElement(ext, page, '#banner');
  await settledCard(page, 1);
  await inCard(page, 0, (root) => (root.querySelector('.chip') as HTMLElement).click());
  await inCard(page, 0, (root) => (root.querySelector('.why-toggle') as HTMLElement).click());
  await page.waitForSelector('[data-glimpse-why]');
  await new Promise((resolve) => setTimeout(resolve, 500));
  await page.screenshot({ path: 'docs/why.png', clip: { x: 0, y: 0, width: 1280, height: 620 } });

  const popup = await openPopup(ext);
  await popup.setViewport({ width: 380, height: 640 });
  await popup.waitForSelector('.app[data-ready="true"]');
  await until(async () => (await popup.$$('.entry')).length === 1, 'the answer in history');
  await popup.click('.entry');
  await popup.waitForSelector('.why-toggle');
  await popup.click('.why-toggle');
  await popup.waitForSelector('.why-map');
  await popup.screenshot({ path: 'docs/why-popup.png' });
  console.log('docs/why.png docs/why-popup.png');
} finally {
  await ext.close();
  await server.close();
}
