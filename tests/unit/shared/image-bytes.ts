/** Image files built byte by byte (and one real photo) for the sniffing, truncation and problem tests. */
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

export const bytes = (...values: number[]) => new Uint8Array(values).buffer;
export const text = (value: string) => new TextEncoder().encode(value).buffer as ArrayBuffer;

/** Just a PNG signature and an IHDR stating this size (no pixels). */
export function png(width: number, height: number): ArrayBuffer {
  const out = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(out, 0);
  out.writeUInt32BE(13, 8);
  out.write('IHDR', 12, 'ascii');
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.length) as ArrayBuffer;
}

export const SAMPLE = readFileSync(new URL('../../../../shared/eval/imagenet-samples-dev/n02056570_king_penguin.JPEG', import.meta.url));
export const buffer = (data: Uint8Array | Buffer): ArrayBuffer => data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  return Buffer.concat([head, data, Buffer.alloc(4)]);
}

/** A whole, decodable PNG of this size. */
export function wholePng(width: number, height: number): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.alloc(height * (1 + width * 3)))),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}
