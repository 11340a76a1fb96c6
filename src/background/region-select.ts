/** "Identify a region…": the page dims, the user drags a box, its pixels are identified. */
import browser from 'webextension-polyfill';
import { sendToFrame } from '../shared/messaging';
import { latest } from '../shared/store';

export const REGION_MENU_ID = 'select-region';

/**
 * Starts region select in a tab's top frame (the menu item, the keyboard command and the popup's
 * button all end here). Where no content script runs (a browser page, a page open since before
 * Glimpse was installed) the popup says so.
 */
export async function startRegionSelect(tabId: number): Promise<boolean> {
  try {
    const { started } = await sendToFrame(tabId, 0, 'select-region', {});
    if (started) return true;
  } catch {
    // No content script there.
  }
  const tab = await browser.tabs.get(tabId).catch(() => undefined);
  await latest.setValue({ kind: 'error', error: { code: 'unreadable', detail: 'region select could not start in this tab' }, at: Date.now(), origin: { pageUrl: tab?.url, pageTitle: tab?.title } });
  return false;
}
