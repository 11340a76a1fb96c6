import { cssBackgroundUrl, contentReplacedUrl } from './css-background';
import { imageElementUrl } from './image-element';

/** What kind of image an element shows, and the element that shows it. */
export type ImageTarget =
  | { kind: 'url'; url: string; element?: Element }
  | { kind: 'canvas'; element: HTMLCanvasElement }
  | { kind: 'video'; element: HTMLVideoElement }
  | { kind: 'svg'; element: SVGSVGElement };

const HTML = 'http://www.w3.org/1999/xhtml';
const SVG = 'http://www.w3.org/2000/svg';

// Tag checks rather than instanceof: elements of a same-origin child frame belong to another realm.
const isHtml = (element: Element, name: string): boolean => element.namespaceURI === HTML && element.localName === name;
const isSvg = (element: Element, name?: string): boolean => element.namespaceURI === SVG && (!name || element.localName === name);

/** Glimpse's own cards are never the picture. */
export const isGlimpseUi = (element: Element): boolean => element.hasAttribute('data-glimpse-card');

const IMAGE_PATH = /\.(jpe?g|png|gif|webp|avif|jxl|bmp|ico|svg)(?:[?#]|$)/i;

/** An <object> or <embed> that shows a picture (by its type, or its address when it has none). */
function embeddedImageUrl(element: Element): string | undefined {
  const attribute = isHtml(element, 'object') ? 'data' : isHtml(element, 'embed') ? 'src' : undefined;
  const value = attribute && element.getAttribute(attribute)?.trim();
  if (!value) return undefined;
  const type = element.getAttribute('type')?.trim().toLowerCase();
  const url = new URL(value, element.ownerDocument.baseURI).href;
  return (type ? type.startsWith('image/') : IMAGE_PATH.test(new URL(url).pathname)) ? url : undefined;
}

/** The image `element` itself shows, if any (its children are looked at separately). */
export function targetOf(element: Element): ImageTarget | undefined {
  if (isGlimpseUi(element)) return undefined;
  if (isHtml(element, 'img')) {
    // `content: url(…)` on an <img> shows that picture instead of its src.
    const url = contentReplacedUrl(element) ?? imageElementUrl(element as HTMLImageElement);
    return url ? { kind: 'url', url, element } : undefined;
  }
  if (isHtml(element, 'input') && (element as HTMLInputElement).type === 'image' && (element as HTMLInputElement).src) {
    return { kind: 'url', url: (element as HTMLInputElement).src, element };
  }
  const embedded = embeddedImageUrl(element);
  if (embedded) return { kind: 'url', url: embedded, element };
  if (isHtml(element, 'canvas')) {
    const canvas = element as HTMLCanvasElement;
    return canvas.width > 0 && canvas.height > 0 ? { kind: 'canvas', element: canvas } : undefined;
  }
  if (isHtml(element, 'video')) return { kind: 'video', element: element as HTMLVideoElement };
  if (isSvg(element, 'image')) {
    const href = (element as SVGImageElement).href.baseVal;
    return href ? { kind: 'url', url: new URL(href, element.ownerDocument.baseURI).href, element } : undefined;
  }
  if (isSvg(element, 'svg') && !(element as SVGSVGElement).ownerSVGElement) return { kind: 'svg', element: element as SVGSVGElement };
  // Shapes inside an <svg> are part of its drawing: the <svg> below them answers.
  if (isSvg(element)) return undefined;
  const background = cssBackgroundUrl(element);
  return background ? { kind: 'url', url: background, element } : undefined;
}

/** The web address of the picture `element` shows now (undefined for canvas, video, inline SVG or none). */
export function addressShownBy(element: Element): string | undefined {
  const target = targetOf(element);
  return target?.kind === 'url' ? target.url : undefined;
}
