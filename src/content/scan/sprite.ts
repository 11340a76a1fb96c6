/**
 * Sprite sheets: one image file holding many small pictures, each element showing its own tile
 * through `background-position` (and often `background-size`). Two tiles of one sheet share an
 * address but are different pictures, so their crop is part of what identifies them, and each
 * is read from the screen, where only its own tile shows.
 */

/** One component of a background position that moves the image off its usual anchors (0 %, 50 %, 100 %, 0 px). */
function isOffset(component: string): boolean {
  const value = component.trim();
  const number = Number.parseFloat(value);
  if (Number.isNaN(number)) return false; // a keyword: left, center, …
  if (value.endsWith('%')) return number !== 0 && number !== 50 && number !== 100;
  return number !== 0;
}

/** Whether a computed background position ("-64px 0px") moves the image off its usual anchors: a sprite's tile. */
export const isOffsetPosition = (position: string): boolean => position.trim().split(/\s+/).some(isOffset);

/** The part of its background image `element` shows ("-64px 0px / auto"), and whether it is moved off the usual anchors (a sprite's tile). */
export function backgroundCrop(element: Element): { crop: string; offset: boolean } {
  const style = getComputedStyle(element);
  // Only the top layer's position matters (the layer the address came from).
  const position = style.backgroundPosition.split(',')[0]!.trim();
  return { crop: `${position} / ${style.backgroundSize.split(',')[0]!.trim()}`, offset: isOffsetPosition(position) };
}
