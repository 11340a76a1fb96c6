/** Boxes of elements in their own frame's viewport (CSS pixels), as the user sees them. */
import { intersect, isEmpty, type Box } from '../shared/screen-geometry';

export const boxOf = (rect: DOMRect): Box => ({ left: rect.left, top: rect.top, width: rect.width, height: rect.height });

/** The element's content box: inside its borders and padding (where an img or an iframe draws). */
export function contentBox(element: Element): Box {
  const rect = element.getBoundingClientRect();
  const style = getComputedStyle(element);
  const px = (value: string) => parseFloat(value) || 0;
  const left = px(style.borderLeftWidth) + px(style.paddingLeft);
  const top = px(style.borderTopWidth) + px(style.paddingTop);
  const right = px(style.borderRightWidth) + px(style.paddingRight);
  const bottom = px(style.borderBottomWidth) + px(style.paddingBottom);
  return { left: rect.left + left, top: rect.top + top, width: Math.max(0, rect.width - left - right), height: Math.max(0, rect.height - top - bottom) };
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
