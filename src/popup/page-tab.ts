import browser, { type Tabs } from 'webextension-polyfill';

/**
 * The web page the popup's page buttons act on: the active tab of the window the person was in.
 * When that is Glimpse's own page (the popup popped out into a window, or opened as a tab), the
 * web page they looked at last instead.
 */
export async function pageTab(): Promise<Tabs.Tab | undefined> {
  const own = browser.runtime.getURL('');
  const isOwn = (tab: Tabs.Tab) => tab.url?.startsWith(own) === true;
  const [active] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  if (active && !isOwn(active)) return active;
  const pages = (await browser.tabs.query({ windowType: 'normal' })).filter((tab) => tab.id !== undefined && tab.url && !isOwn(tab));
  return pages.sort((a, b) => (b.lastAccessed ?? 0) - (a.lastAccessed ?? 0))[0];
}
