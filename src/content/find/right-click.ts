/**
 * The user's own right-click: the only thing that may choose what Glimpse identifies or make
 * it start its engine. Events a page dispatches itself (`isTrusted === false`) are ignored, so
 * no page can retarget the user's identification or make Glimpse load its model.
 */
import { elementsAt } from './elements-at-point';
import { findImageAt, type ImageTarget } from './find-image';
import { stillAlive } from '../orphan';

/** Enough of the stack under the pointer for Chrome's srcUrl to pick from (overlays, frames, shadow roots). */
const MAX_STACK = 32;

export interface RightClick {
  x: number;
  y: number;
  /** The picture under the pointer then, with its address as it was then (the page may change it since). */
  target?: ImageTarget;
  /** The elements under the pointer then, top first. */
  stack: Element[];
}

let last: RightClick | undefined;

/** The latest trusted right-click in this frame, if any. */
export const lastRightClick = (): RightClick | undefined => last;

function stackAt(x: number, y: number): Element[] {
  const stack: Element[] = [];
  for (const element of elementsAt(document, x, y)) {
    if (stack.length >= MAX_STACK) break;
    stack.push(element);
  }
  return stack;
}

/**
 * Listens for the user's right-clicks; `onPicture` runs for each one on a picture (the
 * engine may warm up then). Returns a function that stops listening.
 */
export function watchRightClicks(onPicture: (target: ImageTarget) => void): () => void {
  const listener = (event: MouseEvent) => {
    if (!event.isTrusted || !stillAlive()) return;
    const target = findImageAt(event.clientX, event.clientY);
    last = { x: event.clientX, y: event.clientY, target, stack: stackAt(event.clientX, event.clientY) };
    if (target) onPicture(target);
  };
  addEventListener('contextmenu', listener, { capture: true, passive: true });
  return () => {
    removeEventListener('contextmenu', listener, { capture: true });
    last = undefined;
  };
}
