/** RGB floats in [0, 1] (row-major from the top) -> the bytes of a 24-bit BMP. */
export function rgbBmp(rgb: Float32Array, width: number, height: number): Buffer {
  const rowBytes = Math.ceil((width * 3) / 4) * 4;
  const header = 54;
  const buffer = Buffer.alloc(header + rowBytes * height);
  buffer.write('BM', 0, 'ascii');
  buffer.writeUInt32LE(buffer.length, 2);
  buffer.writeUInt32LE(header, 10);
  buffer.writeUInt32LE(40, 14);
  buffer.writeInt32LE(width, 18);
  buffer.writeInt32LE(height, 22);
  buffer.writeUInt16LE(1, 26);
  buffer.writeUInt16LE(24, 28);
  for (let y = 0; y < height; y++) {
    const row = header + (height - 1 - y) * rowBytes; // BMP rows go bottom-up
    for (let x = 0; x < width; x++) {
      const at = (y * width + x) * 3;
      buffer[row + x * 3] = Math.round(rgb[at + 2]! * 255);
      buffer[row + x * 3 + 1] = Math.round(rgb[at + 1]! * 255);
      buffer[row + x * 3 + 2] = Math.round(rgb[at]! * 255);
    }
  }
  return buffer;
}
