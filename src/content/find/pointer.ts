/**
 * Where the pointer last was in this frame, for the shortcut "identify the picture under the
 * pointer". Only the person's own moves count (trusted events, as for right-clicks): a page cannot
 * steer the shortcut with synthetic events. Passive and allocation-light: it runs on every move.
 * A frame's moves never reach its parent: when the pointer goes into a frame, the parent sees it
 * enter the frame element and nothing after. So each frame also keeps when the pointer last moved
 * in it, for the service worker to ask the frame under the pointer (see pointer-frame.ts in
 * background), and whether it was last seen going into a child frame.
 */
let last: { x: number; y: number; at: number; intoFrame: boolean } | undefined;

/** A wall-clock time finer than a millisecond, comparable between frames. */
const now = (): number => performance.timeOrigin + performance.now();

const FRAME_ELEMENTS = new Set(['iframe', 'frame', 'embed', 'object']);

const onPointer = (event: PointerEvent) => {
  if (!event.isTrusted) return;
  const target = event.target as Element | null;
  const intoFrame = !!target && FRAME_ELEMENTS.has(target.localName ?? '') && event.composedPath()[0] === target;
  if (last) {
    last.x = event.clientX;
    last.y = event.clientY;
    last.at = now();
    last.intoFrame = intoFrame;
  } else {
    last = { x: event.clientX, y: event.clientY, at: now(), intoFrame };
  }
};

addEventListener('pointermove', onPointer, { capture: true, passive: true });
addEventListener('pointerover', onPointer, { capture: true, passive: true });

/** Read by the service worker (scripting.executeScript in this isolated world) to find the frame under the pointer. */
const POINTER_KEY = Symbol.for('glimpse.pointer');
(globalThis as unknown as Record<symbol, unknown>)[POINTER_KEY] = () => (last ? { at: last.at, intoFrame: last.intoFrame } : undefined);

export const lastPointer = (): { x: number; y: number; intoFrame: boolean } | undefined =>
  last ? { x: last.x, y: last.y, intoFrame: last.intoFrame } : undefined;
