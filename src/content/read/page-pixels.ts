/**
 * Pixels the page already holds and may read itself: an <img> of its own origin (or loaded
 * with CORS), decoded and in memory, drawn to a canvas without any request.
 */
import type { ImageSource } from '../../shared/types';
import { readImagePixels } from './read-pixels';

/** Whether drawing `img` would leave a canvas readable (not tainted by another origin). */
function readableByPage(img: HTMLImageElement, url: string): boolean {
  if (/^(data|blob):/i.test(url)) return true;
  if (img.crossOrigin !== null) return true; // loaded through CORS, or not at all
  try {
    // The document's own origin: an <iframe srcdoc> (about:srcdoc) has its parent's.
    const documentOrigin = img.ownerDocument.defaultView?.origin ?? new URL(img.ownerDocument.URL).origin;
    return new URL(url).origin === documentOrigin && documentOrigin !== 'null';
  } catch {
    return false;
  }
}

/** Whether `img` is showing `url` now, fully decoded (not a placeholder, not broken). */
export const isShowing = (img: HTMLImageElement, url: string): boolean =>
  img.complete && img.naturalWidth > 0 && (img.currentSrc || img.src) === url;

/**
 * Whether the browser decoded the whole of `img`: a cut-off or damaged file is shown with its
 * missing part blank, and Chromium then refuses to make a bitmap of it. Such a picture is not
 * read off the page or the screen; its bytes decide (docs/RELIABILITY.md: refused, not half-identified).
 */
export async function isWhole(img: HTMLImageElement): Promise<boolean> {
  try {
    (await createImageBitmap(img, { resizeWidth: 16, resizeHeight: 16 })).close();
    return true;
  } catch {
    return false;
  }
}

/** The picture an <img> shows, read from the page, or undefined when the page may not read it. */
export async function pagePixelsOf(element: Element | undefined, url: string): Promise<ImageSource | undefined> {
  if (element?.localName !== 'img') return undefined;
  const img = element as HTMLImageElement;
  if (!isShowing(img, url) || !readableByPage(img, url)) return undefined;
  try {
    return await readImagePixels(img);
  } catch {
    return undefined; // tainted after all (a redirect to another origin): the screen or a download will do
  }
}
