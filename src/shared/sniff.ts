import { isJxl, jxlSize } from './sniff-jxl';

/** Image formats Glimpse decodes, recognised by their first bytes rather than a server's word. */
export const IMAGE_FORMATS = ['jpeg', 'png', 'gif', 'webp', 'avif', 'jxl', 'bmp', 'ico', 'svg'] as const;
export type ImageFormat = (typeof IMAGE_FORMATS)[number];

export interface SniffedImage {
  format: ImageFormat;
  mimeType: string;
  /** Dimensions from the header, when the format states them up front. */
  width?: number;
  height?: number;
}

interface Size {
  width: number;
  height: number;
}

export const MIME: Record<ImageFormat, string> = {
  jpeg: 'image/jpeg', png: 'image/png', gif: 'image/gif', webp: 'image/webp',
  avif: 'image/avif', jxl: 'image/jxl', bmp: 'image/bmp', ico: 'image/x-icon', svg: 'image/svg+xml',
};

const ascii = (bytes: Uint8Array, start: number, length: number): string =>
  String.fromCharCode(...bytes.subarray(start, start + length));

const isStartOfFrame = (marker: number): boolean =>
  marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc;

/** Markers that stand alone (no length field): TEM, RSTn, SOI, EOI. */
export const isStandalone = (marker: number): boolean => marker === 0x01 || (marker >= 0xd0 && marker <= 0xd9);

function jpegSize(bytes: Uint8Array): Size | undefined {
  let at = 2;
  while (at + 9 < bytes.length) {
    if (bytes[at] !== 0xff) { at++; continue; }
    const marker = bytes[at + 1]!;
    if (marker === 0xff) { at++; continue; }
    if (isStandalone(marker)) { at += 2; continue; }
    if (marker === 0xda) return undefined; // image data before any frame header
    const length = (bytes[at + 2]! << 8) | bytes[at + 3]!;
    if (isStartOfFrame(marker)) {
      return { height: (bytes[at + 5]! << 8) | bytes[at + 6]!, width: (bytes[at + 7]! << 8) | bytes[at + 8]! };
    }
    at += 2 + length;
  }
  return undefined;
}

function webpSize(bytes: Uint8Array, view: DataView): Size | undefined {
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

/** Brands of an ISO-BMFF 'ftyp' box (major first), or undefined when the bytes do not start with one. */
function ftypBrands(bytes: Uint8Array, view: DataView): string[] | undefined {
  if (bytes.length < 12 || ascii(bytes, 4, 4) !== 'ftyp') return undefined;
  const boxSize = view.getUint32(0);
  // A real ftyp lists a handful of brands: a box claiming to be huge is read no further than 64 of them.
  const end = Math.min(bytes.length, boxSize >= 16 ? boxSize : 16, 16 + 4 * 64);
  const brands = [ascii(bytes, 8, 4)];
  for (let at = 16; at + 4 <= end; at += 4) brands.push(ascii(bytes, at, 4));
  return brands;
}

/**
 * AVIF states its size in 'ispe' properties (one per image item: tiles, thumbnails and the
 * picture itself). The largest is an upper bound for what decoding would allocate.
 */
function avifSize(bytes: Uint8Array, view: DataView): Size | undefined {
  const end = Math.min(bytes.length, 64 * 1024) - 16;
  let best: Size | undefined;
  for (let at = 4; at <= end; at++) {
    if (bytes[at] !== 0x69 || ascii(bytes, at, 4) !== 'ispe') continue;
    const width = view.getUint32(at + 8);
    const height = view.getUint32(at + 12);
    if (!best || width * height > best.width * best.height) best = { width, height };
  }
  return best;
}

function bmpSize(bytes: Uint8Array, view: DataView): Size | undefined {
  const headerSize = view.getUint32(14, true);
  if (headerSize === 12) return { width: view.getUint16(18, true), height: view.getUint16(20, true) };
  if (headerSize < 40 || headerSize > 124 || bytes.length < 26) return undefined;
  return { width: Math.abs(view.getInt32(18, true)), height: Math.abs(view.getInt32(22, true)) };
}

/** The largest entry of an icon's directory (0 means 256), or undefined if the directory does not fit. */
function icoSize(bytes: Uint8Array, view: DataView): Size | undefined {
  const count = view.getUint16(4, true);
  if (count === 0 || bytes.length < 6 + 16 * count) return undefined;
  let best: Size = { width: 0, height: 0 };
  for (let i = 0; i < count; i++) {
    const width = bytes[6 + 16 * i]! || 256;
    const height = bytes[7 + 16 * i]! || 256;
    if (width * height > best.width * best.height) best = { width, height };
  }
  return best;
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
  const found = (format: ImageFormat, size?: Size): SniffedImage => ({ format, mimeType: MIME[format], ...size });
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return found('jpeg', jpegSize(bytes));
  if (bytes.length >= 8 && ascii(bytes, 1, 3) === 'PNG' && bytes[0] === 0x89) {
    return found('png', bytes.length >= 24 ? { width: view.getUint32(16), height: view.getUint32(20) } : undefined);
  }
  if (bytes.length >= 6 && /^GIF8[79]a$/.test(ascii(bytes, 0, 6))) {
    return found('gif', bytes.length >= 10 ? { width: view.getUint16(6, true), height: view.getUint16(8, true) } : undefined);
  }
  if (bytes.length >= 12 && ascii(bytes, 0, 4) === 'RIFF' && ascii(bytes, 8, 4) === 'WEBP') return found('webp', webpSize(bytes, view));
  if (isJxl(bytes)) return found('jxl', jxlSize(bytes));
  // AVIF: 'avif'/'avis' as the major brand, or among the compatible ones (after 'mif1', 'msf1', ...).
  // HEIC shares the container but not the codec: Chromium cannot decode it, so it is not an image here.
  const brands = ftypBrands(bytes, view);
  if (brands) return brands.some((brand) => brand === 'avif' || brand === 'avis') ? found('avif', avifSize(bytes, view)) : undefined;
  if (bytes.length >= 26 && ascii(bytes, 0, 2) === 'BM') {
    const size = bmpSize(bytes, view);
    if (size) return found('bmp', size);
  }
  if (bytes.length >= 6 && view.getUint16(0, true) === 0 && [1, 2].includes(view.getUint16(2, true))) {
    const size = icoSize(bytes, view);
    if (size) return found('ico', size);
  }
  if (looksLikeSvg(bytes)) return found('svg');
  return undefined;
}
