/**
 * Whether the engine starts with the browser (and when Glimpse is installed or updated). In Chrome
 * its document then stays for the session, so the first right-click finds the model loaded instead
 * of waiting about a second for it (docs/SPEED.md); the cost is the engine's memory (about 90 MB)
 * from the start rather than from the first identification.
 */
export const ENGINE_STARTS_WITH_BROWSER = true;
