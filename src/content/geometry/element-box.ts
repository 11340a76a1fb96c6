/** Boxes of elements in their own frame's viewport (CSS pixels), as the user sees them. */
import { intersect, isEmpty, type Box } from './box';
import { fittedBox } from './object-fit';

export const boxOf = (rect: DOMRect): Box => ({ left: rect.left, top: rect.top, width: rect.width, height: rect.height });

/** `border` (the element's border box, wherever measured) narrowed to its content box by its computed borders and padding. */
export function insideBorders(border: Box, style: CSSStyleDeclaration | undefined): Box {
  const px = (value: string | undefined) => Number.parseFloat(value ?? '') || 0;
  const left = px(style?.borderLeftWidth) + px(style?.paddingLeft);
  const top = px(style?.borderTopWidth) + px(style?.paddingTop);
  const right = px(style?.borderRightWidth) + px(style?.paddingRight);
  const bottom = px(style?.borderBottomWidth) + px(style?.paddingBottom);
  return { left: border.left + left, top: border.top + top, width: Math.max(0, border.width - left - right), height: Math.max(0, border.height - top - bottom) };
}

const styleOf = (element: Element): CSSStyleDeclaration | undefined => element.ownerDocument.defaultView?.getComputedStyle(element);

/** The element's content box: inside its borders and padding (where an img or an iframe draws). */
export function contentBox(element: Element): Box {
  return insideBorders(boxOf(element.getBoundingClientRect()), styleOf(element));
}

/**
 * Where an img's or a video's pixels are drawn, given its `content` box (object-fit and
 * object-position; a video letterboxes by default); `content` itself for anything else.
 */
export function drawnIn(element: Element, content: Box): Box {
  const style = styleOf(element);
  if (element.localName === 'img') {
    const img = element as HTMLImageElement;
    return fittedBox(content, { width: img.naturalWidth, height: img.naturalHeight }, style?.objectFit ?? '', style?.objectPosition);
  }
  if (element.localName === 'video') {
    const video = element as HTMLVideoElement;
    return fittedBox(content, { width: video.videoWidth, height: video.videoHeight }, style?.objectFit || 'contain', style?.objectPosition);
  }
  return content;
}

/** `box` clipped by every scrolling or overflow-hidden ancestor of `element` (carousels, cropped thumbnails). */
export function clipByAncestors(element: Element, box: Box): Box {
  let clipped = box;
  for (let node = element.parentElement; node && !isEmpty(clipped); node = node.parentElement) {
    const style = getComputedStyle(node);
    if (style.overflowX !== 'visible' || style.overflowY !== 'visible') clipped = intersect(clipped, boxOf(node.getBoundingClientRect()));
    if (style.position === 'fixed') break;
  }
  return clipped;
}

/** A window's viewport without its scrollbars. */
export function viewportOf(view: Window): Box {
  const root = view.document.documentElement;
  const standards = view.document.compatMode === 'CSS1Compat';
  return { left: 0, top: 0, width: standards ? root.clientWidth : view.innerWidth, height: standards ? root.clientHeight : view.innerHeight };
}
