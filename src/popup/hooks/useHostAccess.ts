import { useCallback, useEffect, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';

/** The site access the manifest asks for (all sites): needed to read the right-clicked picture. */
const wanted = () => ({ origins: browser.runtime.getManifest().host_permissions ?? [] });

/**
 * Whether Glimpse still has the access to websites it was installed with (a person can take it
 * away: Firefox's add-on settings, Chrome's "site access"), kept live; and a way to ask for it back.
 */
export function useHostAccess(): { granted: boolean | undefined; request: () => void } {
  const [granted, setGranted] = useState<boolean | undefined>(undefined);

  useEffect(() => {
    const check = () => void browser.permissions.contains(wanted()).then(setGranted, () => setGranted(undefined));
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  }, []);

  // Must run straight from the click: browsers only show the permission prompt for a user action.
  const request = useCallback(() => {
    browser.permissions.request(wanted()).then(setGranted, (error: unknown) => console.warn('[glimpse] site access not granted', error));
  }, []);

  return { granted, request };
}
