/**
 * Picture bytes cross between the extension's contexts as Blobs. Chrome copies an ArrayBuffer in a
 * structured-clone message slowly (750 KB from a content script to the service worker: about 80 ms
 * on the test machine), a Blob quickly (about 13 ms, read back included; docs/SPEED.md). So `pack`
 * wraps every large ArrayBuffer of a message in a Blob on the way out and `unpack` turns it back on
 * the way in, before the message is checked: senders and handlers see ArrayBuffers only.
 */

/** Smaller buffers are not worth the Blob's own cost. */
const BLOB_FROM_BYTES = 32 * 1024;
const WRAPPED = 'glimpseBytes';
/** Messages are shallow; nothing deeper than this is looked into. */
const MAX_DEPTH = 6;

interface Wrapped {
  [WRAPPED]: Blob;
}

const isPlain = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);

const isWrapped = (value: unknown): value is Wrapped =>
  isPlain(value) && !Array.isArray(value) && Object.keys(value).length === 1 && value[WRAPPED] instanceof Blob;

const isBuffer = (value: unknown): value is ArrayBuffer => Object.prototype.toString.call(value) === '[object ArrayBuffer]';

/** `value` with each large ArrayBuffer wrapped in a Blob (a new structure; `value` is left as it is). */
export function pack(value: unknown, depth = 0): unknown {
  if (isBuffer(value)) return value.byteLength >= BLOB_FROM_BYTES ? { [WRAPPED]: new Blob([value]) } : value;
  if (!isPlain(value) || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return value.map((item) => pack(item, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, pack(item, depth + 1)]));
}

/** `value` with each wrapped Blob read back into its ArrayBuffer. */
export async function unpack(value: unknown, depth = 0): Promise<unknown> {
  if (isWrapped(value)) return value[WRAPPED].arrayBuffer();
  if (!isPlain(value) || depth >= MAX_DEPTH) return value;
  if (Array.isArray(value)) return Promise.all(value.map((item) => unpack(item, depth + 1)));
  const entries = await Promise.all(Object.entries(value).map(async ([key, item]) => [key, await unpack(item, depth + 1)] as const));
  return Object.fromEntries(entries);
}
