/** Image formats Glimpse decodes, recognised by their first bytes rather than a server's word. */
export type ImageFormat = 'jpeg' | 'png' | 'gif' | 'webp' | 'avif' | 'bmp' | 'ico' | 'svg';

export interface SniffedImage {
  format: ImageFormat;
  mimeType: string;
  /** Dimensions from the header, when the format states them up front. */
  width?: number;
  height?: number;
}

const MIME: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp',
  avif: 'image/avif', bmp: 'image/bmp', ico: 'image/x-icon', svg: 'image/svg+xml',
};

const ascii = (bytes: Uint8Array, start: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(start, start + length));

function jpegSize(bytes: Uint8Array): { width: number; height: number } | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) { at++; continue; }
    const marker = bytes[at + 1]!;
    if (marker === 0xff) { at++; continue; }
    if (marker === 0xd8 || marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) { at += 2; continue; }
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    const isStartOfFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;
    if (isStartOfFrame) {
      return { height: (bytes[at + 5]! << 8) | bytes[at + 6]!, width: (bytes[at + 7]! << 8) | bytes[at + 8]! };
    }
    at += 2 + length;
  }
  return undefined;
}

function webpSize(bytes: Uint8Array, view: DataView): { width: number; height: number } | undefined {
  const chunk = ascii(bytes, 12, 4);
  if (chunk === 'VP8X' && bytes.length >= 30) {
    const w = 1 + (bytes[24]! | (bytes[25]! << 8) | (bytes[26]! << 16));
    const h = 1 + (bytes[27]! | (bytes[28]! << 8) | (bytes[29]! << 16));
    return { width: w, height: h };
  }
  if (chunk === 'VP8 ' && bytes.length >= 30) {
    return { width: view.getUint16(26, true) & 0x3fff, height: view.getUint16(28, true) & 0x3fff };
  }
  if (chunk === 'VP8L' && bytes.length >= 25) {
    const bits = view.getUint32(21, true);
    return { width: 1 + (bits & 0x3fff), height: 1 + ((bits >> 14) & 0x3fff) };
  }
  return undefined;
}

function looksLikeSvg(bytes: Uint8Array): boolean {
  const head = new TextDecoder().decode(bytes.subarray(0, 1024)).replace(/^\uFEFF/, '').trimStart();
  if (/^<svg[\s>]/i.test(head)) return true;
  return /^<\?xml[^>]*>/i.test(head) || /^<!--/.test(head) || /^<!doctype svg/i.test(head)
    ? /<svg[\s>]/i.test(head)
    : false;
}

/** Identifies an image by its bytes; undefined means "not an image Glimpse can read". */
export function sniffImage(buffer: ArrayBuffer): SniffedImage | undefined {
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  const found = (format: ImageFormat, size?: { width: number; height: number }): SniffedImage => ({
    format, mimeType: MIME[format], ...size,
  });
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return found('jpeg', jpegSize(bytes));
  if (bytes.length >= 8 && ascii(bytes, 1, 3) === 'PNG' && bytes[0] === 0x89) {
    return found('png', bytes.length >= 24 ? { width: view.getUint32(16), height: view.getUint32(20) } : undefined);
  }
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) {
    return found('gif', bytes.length >= 10 ? { width: view.getUint16(6, true), height: view.getUint16(8, true) } : undefined);
  }
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return found('webp', webpSize(bytes, view));
  if (bytes.length >= 12 && ascii(bytes, 4, 4) === 'ftyp' && /^avi[fs]$/.test(ascii(bytes, 8, 4))) return found('avif');
  if (bytes.length >= 26 && ascii(bytes, 0, 2) === 'BM') {
    return found('bmp', { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) });
  }
  if (bytes.length >= 6 && view.getUint16(0, true) === 0 && view.getUint16(2, true) === 1 && view.getUint16(4, true) > 0) return found('ico');
  if (looksLikeSvg(bytes)) return found('svg');
  return undefined;
}
