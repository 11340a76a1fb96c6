import { fail, GlimpseFailure } from '../shared/errors';
import { decodeDataUrl } from './data-url';
import { LIMITS } from '../shared/limits';
import { credentialsOf } from './url';
import { StreamWatch } from './endless-stream';

const concat = (chunks: Uint8Array[], total: number): Uint8Array => {
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
};

/**
 * Reads a response body, giving up as soon as it grows past the byte limit. A body without a
 * declared length that goes on and on (a webcam stream) ends as soon as it holds a whole picture.
 */
async function readCapped(response: Response): Promise<ArrayBuffer> {
  const declared = Number(response.headers.get('content-length') ?? NaN);
  if (Number.isFinite(declared) && declared > LIMITS.maxImageBytes) {
    await response.body?.cancel().catch(() => undefined);
    fail('too-large', { detail: `content-length ${declared}` });
  }
  if (!response.body) return new ArrayBuffer(0);
  const contentType = response.headers.get('content-type') ?? '';
  const stream = Number.isFinite(declared) ? undefined : new StreamWatch(contentType);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > LIMITS.maxImageBytes) {
      await reader.cancel().catch(() => undefined);
      fail('too-large', { detail: `over ${LIMITS.maxImageBytes} bytes` });
    }
    chunks.push(value);
    const picture = stream?.wholePicture(() => concat(chunks, total));
    if (picture) {
      await reader.cancel().catch(() => undefined);
      return picture.buffer as ArrayBuffer;
    }
  }
  const bytes = concat(chunks, total);
  // A multipart stream that did end: its first picture.
  return ((/^multipart\//i.test(contentType) && stream?.pictureIn(bytes)) || bytes).buffer as ArrayBuffer;
}

/**
 * fetch() says only "Failed to fetch" when redirects loop (Chromium stops after 20) or lead
 * somewhere unreachable. Asking once more without following tells those apart from a dead
 * server: an answer that is itself a redirect means the redirects were the problem.
 */
async function failedOnRedirects(url: URL, signal: AbortSignal): Promise<boolean> {
  try {
    const probe = await fetch(url, { signal, credentials: 'include', redirect: 'manual', cache: 'no-store' });
    await probe.body?.cancel().catch(() => undefined);
    return probe.type === 'opaqueredirect';
  } catch {
    return false;
  }
}

const isTimeout = (signal: AbortSignal, error: unknown): boolean =>
  signal.aborted || (error instanceof DOMException && error.name === 'TimeoutError');

/**
 * The bytes of an image the user pointed at. The service worker fetches with the extension's
 * host access, so images without CORS headers work and no page canvas is ever tainted.
 * Every way a download can go wrong ends in one GlimpseFailure: no status, no redirect and no
 * stalled server can keep the user waiting past LIMITS.fetchTimeoutMs.
 */
export async function fetchImageBytes(url: string): Promise<ArrayBuffer> {
  if (/^data:/i.test(url)) return decodeDataUrl(url).bytes;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return fail('unsupported-url', { detail: 'not a URL' });
  }
  // file: pages are not the worker's to read (fetch() has no file scheme); blob: URLs belong to their page.
  if (!['http:', 'https:'].includes(parsed.protocol)) fail('unsupported-url', { detail: parsed.protocol });
  // fetch() refuses addresses carrying a user name and password: they are sent only if the server asks.
  const userPass = credentialsOf(parsed);
  parsed.username = '';
  parsed.password = '';
  const signal = AbortSignal.timeout(LIMITS.fetchTimeoutMs);
  try {
    let response: Response;
    try {
      response = await fetch(parsed, { signal, credentials: 'include', redirect: 'follow', cache: 'default' });
      if (response.status === 401 && userPass) {
        await response.body?.cancel().catch(() => undefined);
        const authorization = `Basic ${btoa(String.fromCharCode(...new TextEncoder().encode(userPass)))}`;
        response = await fetch(parsed, { signal, credentials: 'include', redirect: 'follow', cache: 'no-store', headers: { authorization } });
      }
    } catch (error) {
      if (!isTimeout(signal, error) && (await failedOnRedirects(parsed, signal))) {
        return fail('redirect-loop', { detail: String(error) });
      }
      throw error;
    }
    if (!response.ok) {
      await response.body?.cancel().catch(() => undefined);
      fail('http-status', { status: response.status });
    }
    return await readCapped(response);
  } catch (error) {
    if (error instanceof GlimpseFailure) throw error;
    if (isTimeout(signal, error)) return fail('timeout', { detail: parsed.href });
    return fail('network', { detail: String(error) });
  }
}
