import { useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';

/**
 * Whether this page is the toolbar popup (rather than a tab or a window of its own). A popup
 * closes as soon as focus leaves it, which makes dragging files into it next to impossible.
 */
export function useInActionPopup(): boolean {
  const [inPopup, setInPopup] = useState(false);
  useEffect(() => {
    browser.tabs
      .getCurrent()
      .then((tab) => setInPopup(tab === undefined))
      .catch(() => setInPopup(false));
  }, []);
  return inPopup;
}

/** Opens the popup's page in a small window of its own, which stays open while the user drags files in. */
export async function popOut(): Promise<void> {
  await browser.windows.create({
    url: browser.runtime.getURL('src/popup/index.html'),
    type: 'popup',
    width: 400,
    height: 660,
    focused: true,
  });
  window.close();
}
