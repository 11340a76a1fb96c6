/** Whether an image file was cut off before its pixels end (an interrupted download, a damaged upload). */
import { isStandalone, type ImageFormat } from './sniff';

/** Where a JPEG's entropy-coded data (after SOS) ends: the offset of the next real marker, or -1. */
function endOfScan(bytes: Uint8Array, from: number): number {
  let at = from;
  for (;;) {
    at = bytes.indexOf(0xff, at);
    if (at < 0 || at + 1 >= bytes.length) return -1;
    const next = bytes[at + 1]!;
    if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) at += 2; // stuffed byte, restart marker
    else if (next === 0xff) at += 1; // fill byte
    else return at;
  }
}

/** A JPEG is whole when its markers lead to EOI (anything after EOI, like a motion photo's video, is ignored). */
function jpegIsWhole(bytes: Uint8Array): boolean {
  let at = 2;
  for (;;) {
    while (at < bytes.length && bytes[at] !== 0xff) at++;
    while (at < bytes.length && bytes[at] === 0xff) at++;
    if (at >= bytes.length) return false;
    const marker = bytes[at++]!;
    if (marker === 0xd9) return true;
    if (isStandalone(marker)) continue;
    if (at + 2 > bytes.length) return false;
    const length = (bytes[at]! << 8) | bytes[at + 1]!;
    if (length < 2 || at + length > bytes.length) return false;
    at += length;
    if (marker === 0xda) {
      at = endOfScan(bytes, at);
      if (at < 0) return false;
    }
  }
}

/** A PNG is whole when its chunks lead to IEND (whose checksum, after the last pixel, may be cut: Chromium decodes that). */
function pngIsWhole(bytes: Uint8Array, view: DataView): boolean {
  let at = 8;
  while (at + 8 <= bytes.length) {
    if (bytes[at + 4] === 0x49 && bytes[at + 5] === 0x45 && bytes[at + 6] === 0x4e && bytes[at + 7] === 0x44) return true; // IEND
    const length = view.getUint32(at);
    if (length > 0x7fffffff || at + 12 + length > bytes.length) return false;
    at += 12 + length;
  }
  return false;
}

/** Skips GIF data sub-blocks from `at`; the offset after the terminator, or -1 when they run past the end. */
function skipSubBlocks(bytes: Uint8Array, at: number): number {
  while (at < bytes.length) {
    const size = bytes[at]!;
    if (size === 0) return at + 1;
    at += 1 + size;
  }
  return -1;
}

/** A GIF is whole enough when its first frame is: that is the frame Glimpse identifies. */
function gifFirstFrameIsWhole(bytes: Uint8Array): boolean {
  if (bytes.length < 13) return false;
  let at = 13 + (bytes[10]! & 0x80 ? 3 * 2 ** ((bytes[10]! & 0x07) + 1) : 0);
  while (at < bytes.length) {
    const block = bytes[at]!;
    if (block === 0x21) {
      at = skipSubBlocks(bytes, at + 2);
    } else if (block === 0x2c) {
      if (at + 10 > bytes.length) return false;
      const packed = bytes[at + 9]!;
      at += 10 + (packed & 0x80 ? 3 * 2 ** ((packed & 0x07) + 1) : 0) + 1; // local colours, LZW code size
      return skipSubBlocks(bytes, at) >= 0;
    } else {
      return false; // the trailer (or garbage) before any frame
    }
    if (at < 0) return false;
  }
  return false;
}

/**
 * Whether the bytes stop before the image does (a cut-off download, a half-written file).
 * A page's <img> shows what is there and greys out the rest; Glimpse refuses instead of naming
 * half a picture, and says so before any decoding (the rules match what Chromium's
 * createImageBitmap accepts, so the service worker need not send the bytes to find out).
 * Formats without a cheap end check (AVIF, BMP, ICO, SVG) are left to the decoder.
 */
export function isTruncated(buffer: ArrayBuffer, format: ImageFormat): boolean {
  const bytes = new Uint8Array(buffer);
  const view = new DataView(buffer);
  switch (format) {
    case 'jpeg': return !jpegIsWhole(bytes);
    case 'png': return !pngIsWhole(bytes, view);
    case 'gif': return !gifFirstFrameIsWhole(bytes);
    case 'webp': return bytes.length < 8 || view.getUint32(4, true) + 8 > bytes.length;
    default: return false;
  }
}
