import { isPlaceholder, LAZY_SRC_ATTRIBUTES, LAZY_SRCSET_ATTRIBUTES, parseSrcset, pickSrcsetCandidate } from './lazy-source';

const absolute = (url: string, element: Element): string => new URL(url, element.ownerDocument.baseURI).href;

/** The address a lazy loader keeps for this <img> (or its <picture>'s matching <source>). */
function lazyUrl(img: HTMLImageElement): string | undefined {
  const width = img.getBoundingClientRect().width || img.width;
  const view = img.ownerDocument.defaultView;
  const ratio = view?.devicePixelRatio ?? 1;
  const sources = img.parentElement?.localName === 'picture' ? [...img.parentElement.querySelectorAll('source')] : [];
  for (const source of sources) {
    const media = source.getAttribute('media');
    if (media && view && !view.matchMedia(media).matches) continue;
    for (const attribute of LAZY_SRCSET_ATTRIBUTES) {
      const picked = pickSrcsetCandidate(parseSrcset(source.getAttribute(attribute) ?? ''), width, ratio);
      if (picked) return absolute(picked, img);
    }
  }
  for (const attribute of LAZY_SRCSET_ATTRIBUTES) {
    const picked = pickSrcsetCandidate(parseSrcset(img.getAttribute(attribute) ?? ''), width, ratio);
    if (picked) return absolute(picked, img);
  }
  for (const attribute of LAZY_SRC_ATTRIBUTES) {
    const value = img.getAttribute(attribute)?.trim();
    if (value) return absolute(value, img);
  }
  return undefined;
}

/**
 * The address of the picture an <img> stands for: what it shows now (currentSrc, the
 * srcset/<picture> choice), unless that is a lazy loader's placeholder for the real one.
 */
export function imageElementUrl(img: HTMLImageElement): string | undefined {
  const shown = img.currentSrc || img.src;
  const lazy = lazyUrl(img);
  if (lazy && lazy !== shown) {
    const rect = img.getBoundingClientRect();
    const placeholder = isPlaceholder({
      url: shown,
      complete: img.complete,
      naturalWidth: img.naturalWidth,
      naturalHeight: img.naturalHeight,
      renderedWidth: rect.width,
      renderedHeight: rect.height,
    });
    if (placeholder) return lazy;
  }
  return shown || lazy;
}
