/**
 * What a person waits for, driven as the e2e tests drive Glimpse (a real right-click, the menu's
 * click as Chrome sends it 300 ms later, as a quick person chooses it; the built extension): menu
 * click -> answer sent to the label (history's `waitedMs`, taken the instant the answer leaves the
 * service worker), for a photo the page can read (same origin) and one it cannot (another origin:
 * read from the screen); the first click in a browser just started, and the first click with the
 * engine's document closed until the right-click; and "Identify all" on 24 on-screen photos from
 * another site (command -> last answer). Medians.
 */
import { readdir } from 'node:fs/promises';
import type { Page } from 'puppeteer-core';
import type { HistoryEntry } from '../src/shared/types';
import { launchWithExtension, until, type ExtensionBrowser } from '../harness/chromium';
import { pressCommand } from '../harness/commands';
import { pillWhen } from '../harness/scan-pill';
import { closeEngine, history } from '../harness/reading';
import { cards, rightClickAndIdentify } from '../harness/menu';
import { htmlPage, SAMPLES_DIR, startServer, type TestServer } from '../harness/server';

export interface ClickFigures {
  clickSameMs: number;
  clickCrossMs: number;
  /** The first click in a browser just started with Glimpse (which starts its engine with the browser). */
  coldClickMs: number;
  /** The first click with the engine's document closed until the right-click (what the first click waited for before). */
  engineClosedClickMs: number;
  scan24Ms: number;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** From the right-click to choosing "Identify image", as a quick person does (every timed click). */
const CHOOSING_MS = 300;

function median(all: number[]): number {
  const sorted = all.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The history entry of the next answer on `page` after `since`. */
async function nextEntry(ext: ExtensionBrowser, page: Page, since: number): Promise<HistoryEntry> {
  return until(async () => (await history(ext)).find((entry) => entry.origin.pageUrl === page.url() && entry.createdAt >= since), 'the answer', 120_000);
}

async function click(ext: ExtensionBrowser, page: Page, selector: string, pauseMs = 0): Promise<number> {
  const box = await page.$eval(selector, (img) => img.getBoundingClientRect().toJSON() as DOMRect);
  const since = Date.now();
  await rightClickAndIdentify(ext, page, box.left + box.width / 2, box.top + box.height / 2, { afterRightClick: async () => void (await sleep(pauseMs)) });
  const entry = await nextEntry(ext, page, since);
  await page.keyboard.press('Escape');
  await until(async () => (await cards(page)).length === 0, 'the label to go');
  return entry.waitedMs ?? Number.NaN;
}

export async function measureClicks(ext: ExtensionBrowser, { clicks = 11, scans = 5 } = {}): Promise<ClickFigures> {
  const [site, images] = await Promise.all([startServer(), startServer()]);
  const files = (await readdir(SAMPLES_DIR)).filter((f) => /\.jpe?g$/i.test(f)).sort();
  try {
    const page = await ext.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(htmlPage(site, '/clicks.html', `
      <img id="same" src="/samples/${files[0]}" style="display: block; width: 400px; height: 300px; margin: 20px">
      <img id="cross" src="${images.origin}/samples/${files[1]}" style="display: block; width: 400px; height: 300px; margin: 20px">`), { waitUntil: 'load' });
    const cold: number[] = [];
    for (let run = 0; run < (clicks > 0 ? 3 : 0); run++) cold.push(await firstClickInNewBrowser(site, images.origin, files[1]!));
    const engineClosed: number[] = [];
    for (let run = 0; run < (clicks > 0 ? 3 : 0); run++) {
      await closeEngine(ext);
      await sleep(600);
      engineClosed.push(await click(ext, page, '#cross', CHOOSING_MS));
    }
    // Warm: an untimed click of each first; a person never clicks twice within Chrome's half-second
    // capture limit, and takes a moment to choose the menu item after the right-click.
    await click(ext, page, '#same', CHOOSING_MS);
    if (clicks > 0) await click(ext, page, '#cross', CHOOSING_MS);
    const same: number[] = [];
    const cross: number[] = [];
    for (let i = 0; i < clicks; i++) {
      same.push(await click(ext, page, '#same', CHOOSING_MS));
      await sleep(600);
      cross.push(await click(ext, page, '#cross', CHOOSING_MS));
      await sleep(600);
    }
    await page.close();
    console.error(`[bench] clicks: same ${same.join(' ')} | cross ${cross.join(' ')} | cold ${cold.join(' ')} | engine closed ${engineClosed.join(' ')}`);
    const scan: number[] = [];
    for (let run = 0; run < scans; run++) scan.push(await scan24(ext, site, images.origin, files, run));
    console.error(`[bench] scan24 ${scan.join(' ')}`);
    return { clickSameMs: median(same), clickCrossMs: median(cross), coldClickMs: median(cold), engineClosedClickMs: median(engineClosed), scan24Ms: median(scan) };
  } finally {
    await Promise.all([site.close(), images.close()]);
  }
}

/**
 * The first click in a browser just started: a new profile (Glimpse is installed as the browser
 * starts, as it starts with a browser that has it), a page opened at once, its photo from another
 * site right-clicked as soon as the page has loaded and "Identify image" chosen 300 ms later.
 */
async function firstClickInNewBrowser(site: TestServer, imagesOrigin: string, file: string): Promise<number> {
  const fresh = await launchWithExtension();
  try {
    const page = await fresh.browser.newPage();
    await page.setViewport({ width: 1280, height: 900 });
    await page.goto(htmlPage(site, '/first-click.html', `<img id="cross" src="${imagesOrigin}/samples/${file}" style="display: block; width: 400px; height: 300px; margin: 20px">`), { waitUntil: 'load' });
    return await click(fresh, page, '#cross', CHOOSING_MS);
  } finally {
    await fresh.close();
  }
}

/** 24 photos from another origin, all on screen (6 x 4 tiles of 300 x 300 px): command -> the 24th answer. */
async function scan24(ext: ExtensionBrowser, site: TestServer, imagesOrigin: string, files: string[], run: number): Promise<number> {
  const page = await ext.browser.newPage();
  // Headless Chromium captures at the window's real scale (an emulated device scale is not captured): 1x, large tiles.
  await page.setViewport({ width: 1880, height: 1270 });
  const tiles = files.slice(10, 34)
    .map((file) => `<img src="${imagesOrigin}/samples/${file}" style="width: 300px; height: 300px; object-fit: cover">`).join('');
  await page.goto(htmlPage(site, `/scan24-${run}.html`, `<div style="display: grid; grid-template-columns: repeat(6, 300px); gap: 8px">${tiles}</div>`), { waitUntil: 'load' });
  await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
  const since = Date.now();
  await pressCommand(ext, page, 'identify-page');
  const pill = await pillWhen(page, (shown) => shown.state === 'done' || shown.state === 'stopped', 'the scan to finish', 300_000);
  const entries = await until(async () => {
    const found = (await history(ext)).filter((entry) => entry.origin.pageUrl === page.url() && entry.createdAt >= since);
    return found.length >= pill.done || found.length >= 24 ? found : undefined;
  }, 'the answers in history', 30_000).catch(() => [] as HistoryEntry[]);
  if (entries.length < 24) {
    const all = await history(ext);
    const labels = await cards(page);
    console.error(`[bench] labels: ${labels.map((l) => `${l.state}:${l.errorCode ?? ''}:${l.text.slice(0, 60)}`).join(' | ')}`);
    console.error(`[bench] ${all.length} entries; page ${page.url()} since ${since}: ${all.slice(0, 3).map((e) => `${e.origin.pageUrl} ${e.createdAt} ${e.scanId}`).join(' / ')}`);
  }
  await page.close();
  if (entries.length < 24) console.error(`[bench] scan24 run ${run}: ${entries.length} answers of ${pill.total} pictures (${pill.text})`);
  return entries.length === 24 ? Math.max(...entries.map((entry) => entry.createdAt)) - since : Number.NaN;
}
