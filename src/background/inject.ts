/**
 * Puts the content script into pages that do not have a working one: pages open since before
 * Glimpse was installed, updated or reloaded (Chrome injects manifest content scripts only
 * into pages loaded afterwards, and an update leaves the old copies orphaned). The file is the
 * one the build declares in the manifest (see vite.config.ts).
 */
import browser from 'webextension-polyfill';

export const CONTENT_SCRIPT_FILE = 'content-script.js';

/** Injects the content script into one frame; false where Chrome does not allow it (its own pages, the store). */
export async function injectContentScript(tabId: number, frameId: number): Promise<boolean> {
  try {
    await browser.scripting.executeScript({ target: { tabId, frameIds: [frameId] }, files: [CONTENT_SCRIPT_FILE] });
    return true;
  } catch {
    return false;
  }
}

/** After an install or update: every open web page gets a fresh copy, which retires any orphaned one. */
export async function injectIntoOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({ discarded: false });
  await Promise.all(
    tabs
      .filter((tab) => tab.id !== undefined && (!tab.url || /^(https?|file):/i.test(tab.url)))
      .map((tab) =>
        browser.scripting
          .executeScript({ target: { tabId: tab.id!, allFrames: true }, files: [CONTENT_SCRIPT_FILE] })
          .catch(() => undefined),
      ),
  );
}
