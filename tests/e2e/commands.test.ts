/**
 * The keyboard shortcuts: declared in the built manifest with defaults Chrome accepts, and each
 * doing what it says when Chrome fires it, on a real page with the real model.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIST, launchWithExtension, until, type ExtensionBrowser } from '../../harness/chromium';
import { pressCommand } from '../../harness/commands';
import { cards, settledCard } from '../../harness/menu';
import { pillWhen, scanPill } from '../../harness/scan-pill';
import { startServer, type TestServer } from '../../harness/server';

const ANSWER_TIMEOUT = 150_000;
const NAMES = ['identify-pointer', 'identify-page', 'clear-all', 'toggle-presenter', 'select-region'];

async function openShop(ext: ExtensionBrowser, server: TestServer): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.goto(`${server.origin}/scan/shop.html`, { waitUntil: 'load' });
  return page;
}

const centreOf = (page: Page, selector: string) =>
  page.$eval(selector, (element) => {
    const rect = element.getBoundingClientRect();
    return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
  });

describe('keyboard shortcuts', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
    ext = await launchWithExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('are declared in the built manifest, four with a default key Chrome assigned and one to set by hand', async () => {
    const manifest = JSON.parse(await readFile(join(DIST, 'manifest.json'), 'utf8')) as { commands: Record<string, { suggested_key?: { default: string } }> };
    expect(Object.keys(manifest.commands).sort()).toEqual([...NAMES].sort());
    const worker = await ext.worker();
    const assigned = await worker.evaluate(() => chrome.commands.getAll());
    const byName = Object.fromEntries(assigned.map((command) => [command.name, command]));
    expect(byName['identify-pointer']?.shortcut).toBe('Alt+Shift+G');
    expect(byName['identify-page']?.shortcut).toBe('Alt+Shift+L');
    expect(byName['clear-all']?.shortcut).toBe('Alt+Shift+K');
    expect(byName['toggle-presenter']?.shortcut).toBe('Alt+Shift+Y');
    expect(byName['select-region']?.shortcut).toBe('');
    for (const name of NAMES) expect(byName[name]?.description).toMatch(/^[A-Z][a-z]/);
  });

  it('identifies the picture under the pointer, where the person moved it (not where a page script claims)', async () => {
    const page = await openShop(ext, server);
    const banjo = await centreOf(page, '#tile-1 .photo');
    await page.mouse.move(banjo.x, banjo.y);
    // A page script's fake move over another tile does not count.
    const other = await centreOf(page, '#tile-3 .photo');
    await page.evaluate(({ x, y }) => document.dispatchEvent(new PointerEvent('pointermove', { clientX: x, clientY: y, bubbles: true })), other);
    await pressCommand(ext, page, 'identify-pointer');
    const [card] = await settledCard(page, 1, ANSWER_TIMEOUT);
    expect(card!.state).toBe('result');
    expect(card!.text).toContain('Banjo');
    await page.close();
  });

  it('identifies every picture on the page, then clears every label and the progress', async () => {
    const page = await openShop(ext, server);
    await pressCommand(ext, page, 'identify-page');
    await pillWhen(page, (pill) => pill.state === 'waiting', 'the on-screen pictures to be identified', ANSWER_TIMEOUT);
    expect((await cards(page)).length).toBeGreaterThanOrEqual(8);
    await pressCommand(ext, page, 'clear-all');
    await until(async () => (await cards(page)).length === 0 && (await scanPill(page)) === null, 'every label and the progress pill to go');
    // Scrolling on identifies nothing more: the scan was stopped with the labels.
    await page.evaluate(() => window.scrollTo({ top: 3000, behavior: 'instant' }));
    await new Promise((resolve) => setTimeout(resolve, 1500));
    expect(await cards(page)).toEqual([]);
    await page.close();
  });

  it('turns presenter mode on and off for the site of the page', async () => {
    const page = await openShop(ext, server);
    const worker = await ext.worker();
    const stored = () => worker.evaluate(async () => (await chrome.storage.local.get('presenterMode')).presenterMode as { sites?: string[] } | undefined);
    const site = new URL(page.url()).origin;
    expect(await stored()).toBeUndefined();
    await pressCommand(ext, page, 'toggle-presenter');
    await until(async () => (await stored())?.sites?.includes(site) === true, 'presenter mode to be on for the site');
    await pressCommand(ext, page, 'toggle-presenter');
    await until(async () => (await stored())?.sites?.includes(site) === false, 'presenter mode to be off');
    await worker.evaluate(() => chrome.storage.local.remove(['presenterMode', 'presenterMode$']));
    await page.close();
  });
});
