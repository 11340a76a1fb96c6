/**
 * Pixels handed between Glimpse's contexts without compressing them: RGBA as read from a canvas,
 * behind a 122-byte BMP header (BITMAPV4HEADER, 32 bits, bit fields naming the R, G, B and A bytes
 * in canvas order, rows top-down). Writing it is a header and one copy; every browser decodes it
 * without a codec's work, and everything that takes image bytes (the sniff, the engine's decoder,
 * history) takes it as it is. A PNG of the same pixels cost 15-20 ms to encode and 5-35 ms to decode.
 */
const FILE_HEADER = 14;
const INFO_HEADER = 108;
const HEADER = FILE_HEADER + INFO_HEADER;

export function rgbaBmp(rgba: Uint8ClampedArray | Uint8Array, width: number, height: number): ArrayBuffer {
  const size = HEADER + width * height * 4;
  const buffer = new ArrayBuffer(size);
  const view = new DataView(buffer);
  view.setUint8(0, 0x42); // 'B'
  view.setUint8(1, 0x4d); // 'M'
  view.setUint32(2, size, true);
  view.setUint32(10, HEADER, true);
  view.setUint32(14, INFO_HEADER, true);
  view.setInt32(18, width, true);
  view.setInt32(22, -height, true); // negative: top-down rows, as a canvas has them
  view.setUint16(26, 1, true);
  view.setUint16(28, 32, true);
  view.setUint32(30, 3, true); // BI_BITFIELDS
  view.setUint32(34, width * height * 4, true);
  view.setUint32(38, 2835, true); // 72 dpi
  view.setUint32(42, 2835, true);
  // Little-endian masks: byte 0 red, 1 green, 2 blue, 3 alpha (a canvas's RGBA order).
  view.setUint32(54, 0x000000ff, true);
  view.setUint32(58, 0x0000ff00, true);
  view.setUint32(62, 0x00ff0000, true);
  view.setUint32(66, 0xff000000, true);
  view.setUint32(70, 0x73524742, true); // LCS_sRGB
  new Uint8Array(buffer, HEADER).set(rgba.subarray(0, width * height * 4));
  return buffer;
}

/** The BMP of what a 2D context shows (made opaque on white beforehand by whoever drew it). */
export function contextBmp(context: OffscreenCanvasRenderingContext2D, width: number, height: number): ArrayBuffer {
  return rgbaBmp(context.getImageData(0, 0, width, height).data, width, height);
}
