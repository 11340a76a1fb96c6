import { LAZY_BACKGROUND_ATTRIBUTES } from './lazy-source';

/** First url(...) of a background-image value: the top layer, and image-set()'s first choice. */
export function backgroundImageUrl(value: string): string | undefined {
  const match = /url\(\s*(['"]?)(.*?)\1\s*\)/.exec(value);
  return match?.[2] || undefined;
}

/** A lazy loader's background attribute holds either a bare address or a url(...) value. */
export function lazyBackgroundUrl(value: string): string | undefined {
  const trimmed = value.trim();
  if (!trimmed) return undefined;
  return /url\(/i.test(trimmed) ? backgroundImageUrl(trimmed) : trimmed.split(/[\s,]+/)[0];
}

const absolute = (url: string, element: Element): string => new URL(url, element.ownerDocument.baseURI).href;

/**
 * The picture an element shows as a CSS background: a lazy loader's real one first (the
 * current one is likely a placeholder), then its own background, then its ::before/::after.
 */
export function cssBackgroundUrl(element: Element): string | undefined {
  for (const attribute of LAZY_BACKGROUND_ATTRIBUTES) {
    const lazy = lazyBackgroundUrl(element.getAttribute(attribute) ?? '');
    if (lazy) return absolute(lazy, element);
  }
  return shownBackgroundUrl(element);
}

/** The background picture an element paints now (its own, else its ::before/::after). */
export function shownBackgroundUrl(element: Element): string | undefined {
  const view = element.ownerDocument.defaultView ?? window;
  const own = backgroundImageUrl(view.getComputedStyle(element).backgroundImage);
  if (own) return absolute(own, element);
  for (const pseudo of ['::before', '::after']) {
    const style = view.getComputedStyle(element, pseudo);
    if (style.content === 'none' || style.display === 'none') continue;
    const url = backgroundImageUrl(style.backgroundImage);
    if (url) return absolute(url, element);
  }
  return undefined;
}
