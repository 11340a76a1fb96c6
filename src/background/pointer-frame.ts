/**
 * The frame the pointer is in, for "identify the picture under the pointer" (Alt+Shift+G). A
 * frame's pointer moves never reach its parent, so over an embed from another site the top
 * frame still remembers the spot the pointer left. Each frame's content script keeps when the
 * pointer last moved in it (content/pointer.ts); the frame with the latest move has the pointer.
 */
import browser from 'webextension-polyfill';

interface PointerSeen {
  at: number;
  intoFrame: boolean;
}

/** Runs in each frame's content-script world: what its content script saw of the pointer. */
function pointerSeenHere(): PointerSeen | null {
  const read = (globalThis as unknown as Record<symbol, unknown>)[Symbol.for('glimpse.pointer')];
  return typeof read === 'function' ? ((read as () => PointerSeen | undefined)() ?? null) : null;
}

/** The id of the frame where the pointer moved last (0, the top frame, when none can say). */
export async function frameUnderPointer(tabId: number): Promise<number> {
  try {
    const results = await browser.scripting.executeScript({ target: { tabId, allFrames: true }, func: pointerSeenHere, injectImmediately: true });
    let best = { frameId: 0, at: -Infinity };
    for (const { frameId, result } of results) {
      const seen = result as PointerSeen | null | undefined;
      // On a tie, the frame inside: the parent saw the pointer go into it.
      if (seen && (seen.at > best.at || (seen.at === best.at && frameId !== 0))) best = { frameId, at: seen.at };
    }
    return best.frameId;
  } catch {
    return 0;
  }
}
