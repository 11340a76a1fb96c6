import browser, { type Menus, type Tabs } from 'webextension-polyfill';
import { t } from '../shared/i18n';
import { safeOrigin } from './url';
import { sendToFrame } from '../shared/messaging';
import { runCommand } from './commands';
import { identify } from './identify';
import { injectContentScript } from './inject';
import { rateLimiter } from './rate-limit';
import { latest } from '../shared/store';
import { REGION_MENU_ID, startRegionSelect } from './region-select';
import { onTeachClicked, TEACH_MENU_ID } from './custom/teach';
import { startLive } from './live';

export const MENU_ID = 'identify-image';
export const PAGE_MENU_ID = 'identify-page';
export const LIVE_MENU_ID = 'identify-live';

export async function createMenu(): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: MENU_ID,
    title: t('menuIdentify'),
    // "page", "frame" and "link" too: CSS backgrounds, canvases and inline SVG are not "image"
    // to Chrome, but the content script finds them under the pointer.
    contexts: ['image', 'video', 'page', 'frame', 'link'],
  });
  browser.contextMenus.create({
    id: PAGE_MENU_ID,
    title: t('menuIdentifyPage'),
    contexts: ['image', 'video', 'page', 'frame', 'link'],
  });
  browser.contextMenus.create({
    id: LIVE_MENU_ID,
    title: t('menuIdentifyLive'),
    contexts: ['video'],
  });
  browser.contextMenus.create({
    id: REGION_MENU_ID,
    title: t('menuSelectRegion'),
    contexts: ['all'],
  });
  browser.contextMenus.create({
    id: TEACH_MENU_ID,
    title: t('menuTeach'),
    // Wherever "Identify image" is offered: the content script finds the picture under the pointer.
    contexts: ['image', 'video', 'page', 'frame', 'link'],
  });
}

async function askFrame(
  tabId: number, frameId: number, srcUrl: string | undefined, mediaType: string | undefined, requestedAt: number,
): Promise<boolean> {
  try {
    return (await sendToFrame(tabId, frameId, 'identify-target', { srcUrl, mediaType, requestedAt })).accepted;
  } catch {
    return false;
  }
}

/**
 * The user chose "Identify image". The content script of the clicked frame knows what was
 * under the pointer and shows the answer beside it. Where no content script runs (a page
 * open since before Glimpse was installed, a browser page), the image address Chrome gives is
 * identified directly and the answer goes to the popup. A page open since before an install or
 * update gets the content script injected first.
 */
export async function onMenuClicked(info: Menus.OnClickData, tab: Tabs.Tab | undefined): Promise<void> {
  if (info.menuItemId === PAGE_MENU_ID) {
    await runCommand('identify-page', tab);
    return;
  }
  if (info.menuItemId === TEACH_MENU_ID) {
    await onTeachClicked(info, tab);
    return;
  }
  if (info.menuItemId === REGION_MENU_ID && tab?.id !== undefined) {
    await startRegionSelect(tab.id);
    return;
  }
  if (info.menuItemId === LIVE_MENU_ID && tab?.id !== undefined) {
    await startLive(tab.id, info.frameId ?? 0);
    return;
  }
  if (info.menuItemId !== MENU_ID) return;
  const requestedAt = Date.now();
  const { srcUrl, mediaType } = info;
  if (tab?.id !== undefined && tab.id >= 0) {
    const frameId = info.frameId ?? 0;
    // The identification that follows is the user's own: no rate limit applies to it.
    rateLimiter.expectIdentification(tab.id, frameId);
    if (await askFrame(tab.id, frameId, srcUrl, mediaType, requestedAt)) return;
    // No working content script there (a page open since before an install or update): inject one and ask again.
    if ((await injectContentScript(tab.id, frameId)) && (await askFrame(tab.id, frameId, srcUrl, mediaType, requestedAt))) return;
  }
  const origin = safeOrigin({ pageUrl: info.pageUrl, pageTitle: tab?.title });
  if (srcUrl && (mediaType === 'image' || mediaType === undefined)) {
    await identify({ kind: 'url', url: srcUrl }, origin, { tab, requestedAt });
  } else {
    await latest.setValue({ kind: 'error', error: { code: 'no-image-found' }, at: Date.now(), origin });
  }
}
