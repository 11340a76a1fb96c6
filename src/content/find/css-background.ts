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
 * The picture an element shows through CSS: a lazy loader's real one first (the current one is
 * likely a placeholder), then what it paints (see shownBackgroundUrl), then a list item's
 * `list-style-image` marker (which sits outside the element's box).
 */
export function cssBackgroundUrl(element: Element): string | undefined {
  for (const attribute of LAZY_BACKGROUND_ATTRIBUTES) {
    const lazy = lazyBackgroundUrl(element.getAttribute(attribute) ?? '');
    if (lazy) return absolute(lazy, element);
  }
  const shown = shownBackgroundUrl(element);
  if (shown) return shown;
  const style = (element.ownerDocument.defaultView ?? window).getComputedStyle(element);
  // list-style-image is inherited: only the list item itself draws the marker.
  const marker = style.display.includes('list-item') ? backgroundImageUrl(style.listStyleImage) : undefined;
  return marker ? absolute(marker, element) : undefined;
}

/** `content: url(…)` replaces what an element (or pseudo-element) shows with that picture. */
const contentUrl = (style: CSSStyleDeclaration): string | undefined =>
  /^url\(/i.test(style.content) ? backgroundImageUrl(style.content) : undefined;

/** A border-image with `fill` paints its picture over the whole box, not just the border. */
const filledBorderImageUrl = (style: CSSStyleDeclaration): string | undefined =>
  /\bfill\b/.test(style.borderImageSlice) ? backgroundImageUrl(style.borderImageSource) : undefined;

/**
 * The picture an element paints in its own box now: `content: url(…)`, a filled border-image
 * or its background, else its ::before/::after's.
 */
export function shownBackgroundUrl(element: Element): string | undefined {
  const view = element.ownerDocument.defaultView ?? window;
  const style = view.getComputedStyle(element);
  const own = contentUrl(style) ?? filledBorderImageUrl(style) ?? backgroundImageUrl(style.backgroundImage);
  if (own) return absolute(own, element);
  for (const pseudo of ['::before', '::after']) {
    const pseudoStyle = view.getComputedStyle(element, pseudo);
    if (pseudoStyle.content === 'none' || pseudoStyle.display === 'none') continue;
    const url = contentUrl(pseudoStyle) ?? backgroundImageUrl(pseudoStyle.backgroundImage);
    if (url) return absolute(url, element);
  }
  return undefined;
}

/** The picture `content: url(…)` puts in place of an element's own (an <img>'s src). */
export function contentReplacedUrl(element: Element): string | undefined {
  const url = contentUrl((element.ownerDocument.defaultView ?? window).getComputedStyle(element));
  return url ? absolute(url, element) : undefined;
}
