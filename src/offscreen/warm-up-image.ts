import { MODEL_INPUT_SIZE } from './preprocess';

let warmUpBytes: ArrayBuffer | undefined;

/** A small synthetic image for warm-up: the raw bytes of a 24-bit BMP gradient, built once. */
export function warmUpImage(): ArrayBuffer {
  if (warmUpBytes) return warmUpBytes;
  const size = MODEL_INPUT_SIZE + 32;
  const rowBytes = size * 3;
  const header = 54;
  const buffer = new ArrayBuffer(header + rowBytes * size);
  const view = new DataView(buffer);
  view.setUint8(0, 0x42);
  view.setUint8(1, 0x4d);
  view.setUint32(2, buffer.byteLength, true);
  view.setUint32(10, header, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, size, true);
  view.setInt32(22, size, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  const pixels = new Uint8Array(buffer, header);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const at = y * rowBytes + x * 3;
      pixels[at] = x;
      pixels[at + 1] = y;
      pixels[at + 2] = (x + y) >> 1;
    }
  }
  warmUpBytes = buffer;
  return buffer;
}
