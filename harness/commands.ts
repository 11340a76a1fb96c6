/** Driving Glimpse the way a keyboard user or a menu does: commands and menu items dispatched as Chrome would. */
import type { Page } from 'puppeteer-core';
import type { ExtensionBrowser } from './chromium';
import { contentScriptReady, dispatchMenuClick } from './menu';

export { contentScriptReady };

/** A keyboard shortcut: Chrome fires commands.onCommand with the command's name and the active tab. */
export async function pressCommand(ext: ExtensionBrowser, page: Page, name: string): Promise<void> {
  await page.bringToFront();
  const tabId = await contentScriptReady(ext, page);
  const worker = await ext.worker();
  await worker.evaluate(
    (command: string, id: number) =>
      chrome.tabs.get(id).then((tab) =>
        (chrome.commands.onCommand as unknown as { dispatch(c: string, t: unknown): void }).dispatch(command, tab),
      ),
    name,
    tabId,
  );
}

/** A context-menu item chosen on the page (native menus cannot be clicked by automation). */
export async function chooseMenuItem(ext: ExtensionBrowser, page: Page, menuItemId: string): Promise<void> {
  await page.bringToFront();
  const tabId = await contentScriptReady(ext, page);
  await dispatchMenuClick(ext, tabId, { menuItemId, pageUrl: page.url() });
}

export interface StoredEntry {
  label: string;
  imageUrl?: string;
  scanId?: string;
}

/** History as stored, newest first. */
export async function storedHistory(ext: ExtensionBrowser): Promise<StoredEntry[]> {
  const worker = await ext.worker();
  return worker.evaluate(async () => {
    const all = await chrome.storage.local.get(null);
    return Object.entries(all)
      .filter(([key]) => key.startsWith('history:'))
      .sort(([a], [b]) => (a < b ? 1 : -1))
      .map(([, value]) => {
        const entry = value as { predictions: { label: string }[]; origin: { imageUrl?: string }; scanId?: string };
        return { label: entry.predictions[0]?.label ?? '', imageUrl: entry.origin.imageUrl, scanId: entry.scanId };
      });
  });
}
