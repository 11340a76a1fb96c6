/**
 * Puts the content script into pages that do not have a working one: pages open since before
 * Glimpse was installed, updated or reloaded (Chrome injects manifest content scripts only
 * into pages loaded afterwards, and an update leaves the old copies orphaned). The file is the
 * one the build declares in the manifest (see vite.config.ts).
 */
import browser from 'webextension-polyfill';
import { sendToFrame } from '../shared/messaging';

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

/** Whether a working content script of this Glimpse answers in the frame (an orphan of an older one cannot hear it). */
async function answersInFrame(tabId: number, frameId: number): Promise<boolean> {
  try {
    return (await sendToFrame(tabId, frameId, 'ping', {}))?.ready === true;
  } catch {
    return false;
  }
}

/**
 * The frames of a tab that Glimpse may script: its documents once they are parsed (a page still
 * loading is waited for, and by then Chrome has run the manifest's copy in it if it was going to).
 */
async function scriptableFrames(tabId: number): Promise<number[]> {
  try {
    const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: () => true });
    return results.map((result) => result.frameId);
  } catch {
    return [];
  }
}

/**
 * After an install or update: every frame of every open web page without a working copy gets
 * one, which retires any orphaned copy there. A page that was loading as Glimpse installed
 * already got the manifest's copy: a second one would answer every request twice.
 */
export async function injectIntoOpenTabs(): Promise<void> {
  const tabs = await browser.tabs.query({ discarded: false });
  const webTabs = tabs.filter((tab) => tab.id !== undefined && (!tab.url || /^(https?|file):/i.test(tab.url)));
  await Promise.all(
    webTabs.map(async (tab) => {
      for (const frameId of await scriptableFrames(tab.id!)) {
        if (!(await answersInFrame(tab.id!, frameId))) await injectContentScript(tab.id!, frameId);
      }
    }),
  );
}
