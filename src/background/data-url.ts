import { fail } from '../shared/errors';
import { LIMITS } from '../shared/limits';

/**
 * Decodes a data: URL's bytes (base64 or percent-encoded). Malformed ones fail as 'corrupt',
 * ones holding more than `maxBytes` as 'too-large' (checked before decoding anything).
 */
export function decodeDataUrl(url: string, maxBytes: number = LIMITS.maxImageBytes): { bytes: ArrayBuffer; mimeType: string } {
  const comma = url.indexOf(',');
  if (!/^data:/i.test(url) || comma < 0) return fail('corrupt', { detail: 'malformed data: URL (no comma)' });
  const meta = url.slice(5, comma).split(';').map((part) => part.trim());
  const isBase64 = meta.some((part) => part.toLowerCase() === 'base64');
  const mimeType = meta[0] || 'text/plain';
  const body = url.slice(comma + 1);
  // Every encoded byte takes at least 4/3 characters in base64 and one percent-encoded: a cheap upper bound first.
  if ((isBase64 ? Math.floor((body.length * 3) / 4) - 2 : body.length / 3) > maxBytes) {
    return fail('too-large', { detail: `data: URL of ${body.length} characters` });
  }
  let bytes: Uint8Array;
  try {
    if (isBase64) {
      const clean = (/%/.test(body) ? decodeURIComponent(body) : body).replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/\-_]*={0,2}$/.test(clean) || clean.replace(/=+$/, '').length % 4 === 1) throw new Error('not base64');
      bytes = fromBase64(/[-_]/.test(clean) ? clean.replace(/-/g, '+').replace(/_/g, '/') : clean);
    } else {
      bytes = percentDecode(body);
    }
  } catch (error) {
    return fail('corrupt', { detail: `malformed data: URL (${error instanceof Error ? error.message : String(error)})` });
  }
  if (bytes.byteLength > maxBytes) return fail('too-large', { detail: `data: URL of ${bytes.byteLength} bytes` });
  return { bytes: bytes.buffer as ArrayBuffer, mimeType };
}

/**
 * Percent-decoding to bytes, as browsers do for data: URLs: %XX is that byte (UTF-8 or not),
 * anything else is the character's UTF-8, and a lone % stays a %.
 */
function percentDecode(body: string): Uint8Array {
  const text = new TextEncoder().encode(body);
  const out = new Uint8Array(text.length);
  let length = 0;
  const hex = (c: number): number => (c >= 48 && c <= 57 ? c - 48 : c >= 65 && c <= 70 ? c - 55 : c >= 97 && c <= 102 ? c - 87 : -1);
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === 0x25 && i + 2 < text.length && hex(text[i + 1]!) >= 0 && hex(text[i + 2]!) >= 0) {
      out[length++] = (hex(text[i + 1]!) << 4) | hex(text[i + 2]!);
      i += 2;
    } else {
      out[length++] = c;
    }
  }
  return out.slice(0, length);
}

/** The browser's own decoder where it has one (a tab's capture is a megabyte: several times faster than atob and a loop). */
const nativeFromBase64 = (Uint8Array as { fromBase64?: (text: string) => Uint8Array }).fromBase64;

function fromBase64(text: string): Uint8Array {
  if (nativeFromBase64) return nativeFromBase64(text);
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}
