import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { sniffImage } from '../../src/shared/sniff';

const bytes = (...values: number[]) => new Uint8Array(values).buffer;
const text = (value: string) => new TextEncoder().encode(value).buffer as ArrayBuffer;

function png(width: number, height: number): ArrayBuffer {
  const out = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(out, 0);
  out.writeUInt32BE(13, 8);
  out.write('IHDR', 12, 'ascii');
  out.writeUInt32BE(width, 16);
  out.writeUInt32BE(height, 20);
  return out.buffer.slice(out.byteOffset, out.byteOffset + out.length) as ArrayBuffer;
}

describe('sniffImage: the bytes decide, not the server', () => {
  it('reads a real JPEG and its size from the frame header', () => {
    const file = readFileSync(new URL('../../../shared/eval/imagenet-samples-dev/n02106662_German_shepherd.JPEG', import.meta.url));
    const sniffed = sniffImage(file.buffer.slice(file.byteOffset, file.byteOffset + file.length) as ArrayBuffer);
    expect(sniffed).toMatchObject({ format: 'jpeg', mimeType: 'image/jpeg', width: 500, height: 332 });
  });

  it('reads PNG, GIF, WebP, BMP headers', () => {
    expect(sniffImage(png(30000, 30000))).toMatchObject({ format: 'png', width: 30000, height: 30000 });
    expect(sniffImage(bytes(0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 2, 0, 3, 0))).toMatchObject({ format: 'gif', width: 2, height: 3 });
    const webp = new Uint8Array(30);
    webp.set(new TextEncoder().encode('RIFF'), 0);
    webp.set(new TextEncoder().encode('WEBPVP8X'), 8);
    webp.set([99, 0, 0, 49, 0, 0], 24);
    expect(sniffImage(webp.buffer)).toMatchObject({ format: 'webp', width: 100, height: 50 });
    const bmp = new Uint8Array(26);
    bmp.set([0x42, 0x4d]);
    new DataView(bmp.buffer).setInt32(18, 4, true);
    new DataView(bmp.buffer).setInt32(22, -5, true);
    expect(sniffImage(bmp.buffer)).toMatchObject({ format: 'bmp', width: 4, height: 5 });
  });

  it('recognises AVIF and SVG (with an XML prolog, comments or a BOM)', () => {
    const avif = new Uint8Array(16);
    avif.set(new TextEncoder().encode('ftypavif'), 4);
    expect(sniffImage(avif.buffer)?.format).toBe('avif');
    expect(sniffImage(text('<svg xmlns="http://www.w3.org/2000/svg"/>'))?.format).toBe('svg');
    expect(sniffImage(text('\uFEFF<?xml version="1.0"?>\n<!-- c --><svg viewBox="0 0 1 1"></svg>'))?.format).toBe('svg');
  });

  it('refuses what is not an image: HTML, JSON, text, empty, truncated headers', () => {
    expect(sniffImage(text('<!doctype html><html><body>404</body></html>'))).toBeUndefined();
    expect(sniffImage(text('{"error":"nope"}'))).toBeUndefined();
    expect(sniffImage(text('<?xml version="1.0"?><rss></rss>'))).toBeUndefined();
    expect(sniffImage(new ArrayBuffer(0))).toBeUndefined();
    expect(sniffImage(bytes(0xff, 0xd8))).toBeUndefined();
    expect(sniffImage(deflateSync(Buffer.from('zip')).buffer as ArrayBuffer)).toBeUndefined();
  });

  it('reports a JPEG with no frame header as JPEG without a size', () => {
    expect(sniffImage(bytes(0xff, 0xd8, 0xff, 0xe0, 0, 4, 0, 0))).toEqual({ format: 'jpeg', mimeType: 'image/jpeg' });
  });
});
