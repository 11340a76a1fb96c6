/**
 * Screenshots of the labels on pages, for the README: docs/card.png (an article with labels on
 * its photos and one card open) and docs/presenter.png (a teacher's lesson grid in presenter
 * mode). Drives the built extension (GLIMPSE_DIST, default dist/) in headless Chromium with the
 * real model, on the e2e fixture pages. GLIMPSE_SHOT_WORKING=1 also saves .tmp/card-working.png.
 *
 *   npm run build && npx tsx scripts/screenshots-card.mts
 */
import { mkdir } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import { launchWithExtension, until } from '../harness/chromium';
import { cards, identifyElement, settledCard } from '../harness/menu';
import { startServer } from '../harness/server';

const server = await startServer();
const ext = await launchWithExtension();

async function open(path: string, width: number, height: number): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.setViewport({ width, height });
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.goto(`${server.origin}/card/${path}`, { waitUntil: 'load' });
  return page;
}

async function identifyAll(page: Page, selectors: string[]): Promise<void> {
  for (const [i, selector] of selectors.entries()) {
    await identifyElement(ext, page, selector);
    if (i === 0 && process.env.GLIMPSE_SHOT_WORKING) {
      await until(async () => (await cards(page))[0]?.state === 'working', 'the working label');
      await mkdir('.tmp', { recursive: true });
      await page.screenshot({ path: '.tmp/card-working.png' });
    }
    await settledCard(page, i + 1);
  }
  await page.evaluate(() => window.scrollTo(0, 0));
  await new Promise((resolve) => setTimeout(resolve, 500));
}

try {
  await mkdir('docs', { recursive: true });
  const article = await open('article.html', 1280, 800);
  await identifyAll(article, ['#hero', '#inline-1', '#thumb-1', '#thumb-2', '#thumb-3', '#thumb-5']);
  await article.evaluate(() => window.scrollTo(0, 120));
  await new Promise((resolve) => setTimeout(resolve, 500));
  const flamingo = (await cards(article))[1]!;
  await article.mouse.click(flamingo.labelBox!.left + 12, flamingo.labelBox!.top + 10);
  await until(async () => (await cards(article))[1]?.expanded, 'the card to open');
  await new Promise((resolve) => setTimeout(resolve, 300));
  await article.screenshot({ path: 'docs/card.png' });
  console.log('docs/card.png');

  const worker = await ext.worker();
  await worker.evaluate(() => chrome.storage.local.set({ presenterMode: true }));
  // A 1920x1080 projector at 150% zoom shows 1280x720 CSS pixels.
  const lesson = await open('lesson.html', 1280, 720);
  await identifyAll(lesson, Array.from({ length: 12 }, (_, i) => `#a${i + 1}`));
  await lesson.screenshot({ path: 'docs/presenter.png' });
  console.log('docs/presenter.png');
} finally {
  await ext.close();
  await server.close();
}
