/**
 * Picture bytes sent to the engine before their identification is asked for (pixels a page read
 * at a right-click, the crop of a capture taken then), so that the identification carries only
 * an id: the bytes are known by their buffer. The engine keeps them seconds at most; when it no
 * longer has them, they are sent with the request (engine-host).
 */
import { stageForEngine } from './engine-host';

const ids = new WeakMap<ArrayBuffer, string>();

export function sendAhead(bytes: ArrayBuffer): void {
  const id = crypto.randomUUID();
  ids.set(bytes, id);
  void stageForEngine(id, bytes);
}

/** The id `bytes` were sent ahead under, if they were. */
export const sentAheadAs = (bytes: ArrayBuffer): string | undefined => ids.get(bytes);
