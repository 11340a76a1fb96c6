import { fail, GlimpseFailure } from '../shared/errors';
import { decodeDataUrl } from '../shared/data-url';
import { LIMITS } from '../shared/limits';

/** Reads a response body, giving up as soon as it grows past the byte limit. */
async function readCapped(response: Response): Promise<ArrayBuffer> {
  const declared = Number(response.headers.get('content-length'));
  if (Number.isFinite(declared) && declared > LIMITS.maxImageBytes) fail('too-large', { detail: `content-length ${declared}` });
  if (!response.body) return new ArrayBuffer(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > LIMITS.maxImageBytes) {
      await reader.cancel();
      fail('too-large', { detail: `over ${LIMITS.maxImageBytes} bytes` });
    }
    chunks.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes.buffer;
}

/**
 * The bytes of an image the user pointed at. The service worker fetches with the extension's
 * host access, so images without CORS headers work and no page canvas is ever tainted.
 */
export async function fetchImageBytes(url: string): Promise<ArrayBuffer> {
  if (/^data:/i.test(url)) return decodeDataUrl(url).bytes;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('unsupported-url', { detail: 'not a URL' });
  }
  if (!['http:', 'https:', 'file:'].includes(parsed.protocol)) fail('unsupported-url', { detail: parsed.protocol });
  const signal = AbortSignal.timeout(LIMITS.fetchTimeoutMs);
  try {
    const response = await fetch(parsed, { signal, credentials: 'include', redirect: 'follow', cache: 'default' });
    if (!response.ok) fail('http-status', { status: response.status });
    return await readCapped(response);
  } catch (error) {
    if (error instanceof GlimpseFailure) throw error;
    if (signal.aborted || (error instanceof DOMException && error.name === 'TimeoutError')) {
      return fail('timeout', { detail: url });
    }
    return fail('network', { detail: String(error) });
  }
}
