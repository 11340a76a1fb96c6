/**
 * Lazy loaders (lazysizes, lozad, vanilla-lazyload and home-made ones) show a placeholder and
 * keep the real address in a data- attribute until the picture scrolls into view. These pure
 * helpers decide which address is the picture the person means.
 */

/** Attributes that hold the real address of a lazily loaded <img>, most common first. */
export const LAZY_SRC_ATTRIBUTES = ['data-src', 'data-lazy-src', 'data-original', 'data-lazy', 'data-url', 'data-hi-res-src'];
export const LAZY_SRCSET_ATTRIBUTES = ['data-srcset', 'data-lazy-srcset'];
/** Attributes that hold the real background of a lazily loaded element. */
export const LAZY_BACKGROUND_ATTRIBUTES = ['data-bg', 'data-background', 'data-background-image', 'data-bg-src'];

export interface SrcsetCandidate {
  url: string;
  /** The "500w" descriptor. */
  width?: number;
  /** The "2x" descriptor (1 when there is no descriptor). */
  density?: number;
}

/** Parses a srcset attribute; commas inside URLs (data: URLs) are kept. */
export function parseSrcset(srcset: string): SrcsetCandidate[] {
  const candidates: SrcsetCandidate[] = [];
  let at = 0;
  while (at < srcset.length) {
    while (at < srcset.length && /[\s,]/.test(srcset[at]!)) at++;
    if (at >= srcset.length) break;
    let end = at;
    while (end < srcset.length && !/\s/.test(srcset[end]!)) end++;
    let url = srcset.slice(at, end);
    at = end;
    let descriptor = '';
    if (url.endsWith(',')) {
      url = url.replace(/,+$/, '');
    } else {
      const comma = srcset.indexOf(',', at);
      descriptor = srcset.slice(at, comma < 0 ? srcset.length : comma).trim();
      at = comma < 0 ? srcset.length : comma + 1;
    }
    if (!url) continue;
    const width = /^(\d+)w$/i.exec(descriptor);
    const density = /^(\d*\.?\d+)x$/i.exec(descriptor);
    if (width) candidates.push({ url, width: Number(width[1]) });
    else candidates.push({ url, density: density ? Number(density[1]) : 1 });
  }
  return candidates;
}

/**
 * The candidate a browser would show in a box `displayWidth` CSS pixels wide: the smallest
 * one that is sharp enough, else the largest there is.
 */
export function pickSrcsetCandidate(candidates: SrcsetCandidate[], displayWidth: number, pixelRatio = 1): string | undefined {
  if (candidates.length === 0) return undefined;
  const scored = candidates
    .map((candidate) => ({
      url: candidate.url,
      // Image pixels per CSS pixel each candidate gives in this box.
      density: candidate.width !== undefined ? candidate.width / Math.max(1, displayWidth) : (candidate.density ?? 1),
    }))
    .sort((a, b) => a.density - b.density);
  return (scored.find((candidate) => candidate.density >= pixelRatio) ?? scored.at(-1))!.url;
}

export interface ShownImage {
  url: string;
  complete: boolean;
  naturalWidth: number;
  naturalHeight: number;
  /** The size the page draws it at, in CSS pixels. */
  renderedWidth: number;
  renderedHeight: number;
}

const PLACEHOLDER_WORD = '(?:placeholder|blank|spacer|transparent|lazy|loading|loader|pixel|grey|gray|empty)';
/** A file named only for standing in: "blank.gif", "lazy-placeholder.png", "spacer_1x1.gif" (not "grey-heron.jpg"). */
const PLACEHOLDER_NAME = new RegExp(
  `(?:^|/)${PLACEHOLDER_WORD}(?:[_-](?:${PLACEHOLDER_WORD}|\\d+(?:x\\d+)?|img|image|bg))*\\.(?:gif|png|svg|jpe?g|webp)(?:[?#]|$)`,
  'i',
);
/** Tiny inline images are placeholders (1x1 GIFs, blurred previews); real photos are far larger. */
const PLACEHOLDER_DATA_URL_LENGTH = 4096;

/**
 * Whether what an <img> shows now is only a stand-in for its lazily loaded picture: not
 * loaded, a pixel, a tiny blurred preview stretched over the box, or a "loading" graphic.
 */
export function isPlaceholder(shown: ShownImage): boolean {
  if (!shown.url || !shown.complete || shown.naturalWidth <= 1 || shown.naturalHeight <= 1) return true;
  if (/^data:/i.test(shown.url) && shown.url.length < PLACEHOLDER_DATA_URL_LENGTH) return true;
  if (PLACEHOLDER_NAME.test(shown.url)) return true;
  const stretched = shown.renderedWidth >= 3 * shown.naturalWidth && shown.renderedHeight >= 3 * shown.naturalHeight;
  return stretched;
}
