/**
 * Driving "Identify a region…" as a person does (a contract other suites use): the menu item is
 * chosen (its listener fired with the info Chrome would pass, as rightClickAndIdentify does),
 * then the mouse drags a box over the page; releasing it confirms.
 */
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './chromium';
import { contentScriptReady, dispatchMenuClick, type Box } from './menu';

/** Chooses "Identify a region…" in the page's tab and waits for the page to dim. */
export async function openRegionSelect(ext: ExtensionBrowser, page: Page): Promise<void> {
  await page.bringToFront();
  const tabId = await contentScriptReady(ext, page);
  await dispatchMenuClick(ext, tabId, { menuItemId: 'select-region', pageUrl: page.url() });
  await page.waitForSelector('[data-glimpse-region]');
}

/** Drags from the box's top-left to its bottom-right corner (viewport CSS pixels) and lets go. */
export async function dragBox(page: Page, box: Box): Promise<void> {
  await page.mouse.move(box.left, box.top);
  await page.mouse.down();
  await page.mouse.move(box.left + box.width / 2, box.top + box.height / 2, { steps: 4 });
  await page.mouse.move(box.left + box.width, box.top + box.height, { steps: 4 });
  await page.mouse.up();
}

/** The whole gesture: choose the menu item, drag the box, release. */
export async function selectRegion(ext: ExtensionBrowser, page: Page, box: Box): Promise<void> {
  await openRegionSelect(ext, page);
  await dragBox(page, box);
}
