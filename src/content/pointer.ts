/**
 * Where the pointer last was in this frame, for the shortcut "identify the picture under the
 * pointer". Only the person's own moves count (trusted events, as for right-clicks): a page cannot
 * steer the shortcut with synthetic events. Passive and allocation-light: it runs on every move.
 */
let last: { x: number; y: number } | undefined;

addEventListener(
  'pointermove',
  (event) => {
    if (!event.isTrusted) return;
    if (last) {
      last.x = event.clientX;
      last.y = event.clientY;
    } else {
      last = { x: event.clientX, y: event.clientY };
    }
  },
  { capture: true, passive: true },
);

export const lastPointer = (): { x: number; y: number } | undefined => (last ? { ...last } : undefined);
