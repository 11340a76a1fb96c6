/**
 * Firefox: content scripts cannot read session storage at all (and setAccessLevel does not
 * exist), so what they read lives in local storage; the engine host resets it whenever its
 * background page starts or is suspended, so a stale value never outlives the engine it describes.
 */
import type * as ChromeVersion from './content-readable';

export const CONTENT_READABLE_AREA = 'local' as const;

/** Nothing to open up: local storage is readable by content scripts already. */
export async function shareSessionWithContentScripts(): Promise<void> {}

({ CONTENT_READABLE_AREA, shareSessionWithContentScripts }) satisfies Record<keyof typeof ChromeVersion, unknown>;
