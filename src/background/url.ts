import type { ImageOrigin } from '../shared/types';

/**
 * An address without the user name and password some carry (`http://user:pass@host/…`):
 * they never go into history, the popup or a log. Anything that is not a URL is left as it is.
 */
export function withoutCredentials(url: string): string;
export function withoutCredentials(url: string | undefined): string | undefined;
export function withoutCredentials(url: string | undefined): string | undefined {
  if (!url || !/^[a-z][a-z0-9+.-]*:\/\/[^/?#]*@/i.test(url)) return url;
  try {
    const parsed = new URL(url);
    parsed.username = '';
    parsed.password = '';
    return parsed.href;
  } catch {
    return url.replace(/^([a-z][a-z0-9+.-]*:\/\/)[^/?#]*@/i, '$1');
  }
}

/** The `user:pass` an address carries, for an HTTP Basic answer to the server that asks for it. */
export function credentialsOf(url: URL): string | undefined {
  if (!url.username && !url.password) return undefined;
  return `${decodeURIComponent(url.username)}:${decodeURIComponent(url.password)}`;
}

/** An origin fit to store and show: no credentials in its addresses. */
export const safeOrigin = (origin: ImageOrigin): ImageOrigin => ({
  ...origin,
  pageUrl: withoutCredentials(origin.pageUrl),
  imageUrl: withoutCredentials(origin.imageUrl),
});
