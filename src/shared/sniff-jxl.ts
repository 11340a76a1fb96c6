/**
 * JPEG XL, which Chromium shows: a bare codestream (FF 0A) or the ISO BMFF-style container
 * ("JXL " signature box, then the codestream in a 'jxlc' box or in 'jxlp' parts). Its size is
 * read from the codestream's SizeHeader, so a decompression bomb is refused before decoding.
 */

interface Size {
  width: number;
  height: number;
}

const CONTAINER_SIGNATURE = [0x00, 0x00, 0x00, 0x0c, 0x4a, 0x58, 0x4c, 0x20, 0x0d, 0x0a, 0x87, 0x0a];

const isCodestream = (bytes: Uint8Array, at = 0): boolean => bytes[at] === 0xff && bytes[at + 1] === 0x0a;

export const isJxl = (bytes: Uint8Array): boolean =>
  isCodestream(bytes) || (bytes.length >= 12 && CONTAINER_SIGNATURE.every((byte, i) => bytes[i] === byte));

/** Reads bits least significant first, as JPEG XL packs them. */
class Bits {
  private at = 0;
  constructor(private readonly bytes: Uint8Array, private readonly start: number) {}
  read(count: number): number {
    let value = 0;
    for (let i = 0; i < count; i++, this.at++) {
      const byte = this.bytes[this.start + (this.at >> 3)];
      if (byte === undefined) throw new RangeError('end of data');
      value += ((byte >> (this.at & 7)) & 1) * 2 ** i;
    }
    return value;
  }
}

/** A SizeHeader dimension: 5 bits times 8 when `div8`, else one of four widths chosen by 2 bits. */
function dimension(bits: Bits, div8: boolean): number {
  if (div8) return (bits.read(5) + 1) * 8;
  return bits.read([9, 13, 18, 30][bits.read(2)]!) + 1;
}

const RATIOS: [number, number][] = [[1, 1], [12, 10], [4, 3], [3, 2], [16, 9], [5, 4], [2, 1]];

function sizeHeader(bytes: Uint8Array, at: number): Size | undefined {
  try {
    const bits = new Bits(bytes, at + 2);
    const div8 = bits.read(1) === 1;
    const height = dimension(bits, div8);
    const ratio = bits.read(3);
    if (ratio === 0) return { width: dimension(bits, div8), height };
    const [num, den] = RATIOS[ratio - 1]!;
    return { width: Math.floor((height * num) / den), height };
  } catch {
    return undefined;
  }
}

/** Where the codestream starts: at 0, or inside the container's first jxlc/jxlp box. */
function codestreamStart(bytes: Uint8Array): number | undefined {
  if (isCodestream(bytes)) return 0;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 0, boxes = 0; at + 8 <= bytes.length && boxes < 64; boxes++) {
    const size = view.getUint32(at);
    const type = String.fromCharCode(...bytes.subarray(at + 4, at + 8));
    if (type === 'jxlc') return at + 8;
    if (type === 'jxlp') return at + 12; // after the part's index
    if (size < 8) return undefined; // 0 (to the end) or 1 (64-bit size) never precede the codestream in practice
    at += size;
  }
  return undefined;
}

export function jxlSize(bytes: Uint8Array): Size | undefined {
  const start = codestreamStart(bytes);
  return start !== undefined && isCodestream(bytes, start) ? sizeHeader(bytes, start) : undefined;
}
