/**
 * Chrome's offscreen document API (chrome.* only: webextension-polyfill has no offscreen or
 * runtime.getContexts, and Firefox has neither). The only module that calls it.
 */
import browser from 'webextension-polyfill';

export const OFFSCREEN_PATH = 'src/offscreen/index.html';

export async function hasOffscreenDocument(): Promise<boolean> {
  const contexts = await chrome.runtime.getContexts({
    contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT],
    documentUrls: [browser.runtime.getURL(OFFSCREEN_PATH)],
  });
  return contexts.length > 0;
}

export const createOffscreenDocument = (justification: string): Promise<void> =>
  chrome.offscreen.createDocument({ url: OFFSCREEN_PATH, reasons: [chrome.offscreen.Reason.BLOBS], justification });

export const closeOffscreenDocument = (): Promise<void> => chrome.offscreen.closeDocument();
