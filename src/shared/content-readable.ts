/**
 * Where state that content scripts read (the engine status, for the card's "warming up") is kept,
 * and how they are let in. Chrome: session storage, opened to content scripts with setAccessLevel
 * (a Chrome-only call). content-readable.firefox.ts replaces this module in the Firefox build.
 */
export const CONTENT_READABLE_AREA = 'session' as const;

export async function shareSessionWithContentScripts(): Promise<void> {
  await chrome.storage.session.setAccessLevel({ accessLevel: 'TRUSTED_AND_UNTRUSTED_CONTEXTS' });
}
