/** What the add-on has stored, read from one of its own pages (as the popup reads it). */
import type { Page } from 'puppeteer-core';
import type { HistoryEntry } from '../src/shared/types';
import type { FirefoxWithExtension } from './firefox';

const controlPages = new WeakMap<FirefoxWithExtension, Promise<Page>>();

/** A tab showing an extension page, kept open for reading storage (opened once per browser). */
function controlPage(ff: FirefoxWithExtension): Promise<Page> {
  let page = controlPages.get(ff);
  if (!page) {
    page = ff.openExtensionPage('src/popup/index.html');
    controlPages.set(ff, page);
  }
  return page;
}

export async function localStorageOf(ff: FirefoxWithExtension): Promise<Record<string, unknown>> {
  const page = await controlPage(ff);
  return page.evaluate(() =>
    (globalThis as unknown as { browser: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).browser.storage.local.get(null),
  );
}

/** History entries, newest first. */
export async function historyOf(ff: FirefoxWithExtension): Promise<HistoryEntry[]> {
  const all = await localStorageOf(ff);
  return Object.entries(all)
    .filter(([key]) => key.startsWith('history:'))
    .map(([, value]) => value as HistoryEntry)
    .sort((a, b) => b.createdAt - a.createdAt);
}
