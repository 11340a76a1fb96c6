import { fail } from './errors';

/** Decodes a data: URL's bytes (base64 or percent-encoded); malformed ones fail as 'corrupt'. */
export function decodeDataUrl(url: string): { bytes: ArrayBuffer; mimeType: string } {
  const match = /^data:([^,]*?),(.*)$/is.exec(url);
  if (!match) return fail('corrupt', { detail: 'malformed data: URL (no comma)' });
  const meta = match[1]!.split(';').map((part) => part.trim());
  const isBase64 = meta.some((part) => part.toLowerCase() === 'base64');
  const mimeType = meta[0] || 'text/plain';
  const body = match[2]!;
  try {
    if (isBase64) {
      const clean = decodeURIComponent(body).replace(/\s+/g, '');
      if (!/^[A-Za-z0-9+/\-_]*={0,2}$/.test(clean)) throw new Error('not base64');
      const binary = atob(clean.replace(/-/g, '+').replace(/_/g, '/'));
      const bytes = new Uint8Array(binary.length);
      for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
      return { bytes: bytes.buffer, mimeType };
    }
    const bytes = new TextEncoder().encode(decodeURIComponent(body));
    return { bytes: bytes.buffer as ArrayBuffer, mimeType };
  } catch (error) {
    return fail('corrupt', { detail: `malformed data: URL (${String(error)})` });
  }
}
