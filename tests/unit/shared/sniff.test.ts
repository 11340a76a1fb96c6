import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { sniffImage } from '../../../src/shared/sniff';
import { buffer, bytes, png, text } from './image-bytes';

describe('sniffImage: the bytes decide, not the server', () => {
  it('reads a real JPEG and its size from the frame header', () => {
    const file = readFileSync(new URL('../../../../shared/eval/imagenet-samples-dev/n02106662_German_shepherd.JPEG', import.meta.url));
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
    new DataView(bmp.buffer).setUint32(14, 40, true);
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

function ftyp(major: string, compatible: string[], extra = Buffer.alloc(0)): ArrayBuffer {
  const box = Buffer.alloc(16 + 4 * compatible.length);
  box.writeUInt32BE(box.length, 0);
  box.write('ftyp', 4, 'ascii');
  box.write(major, 8, 'ascii');
  compatible.forEach((brand, i) => box.write(brand, 16 + 4 * i, 'ascii'));
  return buffer(Buffer.concat([box, extra]));
}

describe('sniffImage: AVIF brands and sizes', () => {
  it('accepts avif/avis as the major brand, or among the compatible brands after mif1/msf1', () => {
    expect(sniffImage(ftyp('avif', ['mif1', 'miaf']))?.format).toBe('avif');
    expect(sniffImage(ftyp('avis', ['msf1']))?.format).toBe('avif');
    expect(sniffImage(ftyp('mif1', ['mif1', 'avif', 'miaf']))?.format).toBe('avif');
    expect(sniffImage(ftyp('msf1', ['msf1', 'avis']))?.format).toBe('avif');
  });
  it('refuses HEIC and other ISO-BMFF files Chromium cannot decode', () => {
    expect(sniffImage(ftyp('heic', ['mif1', 'heic']))).toBeUndefined();
    expect(sniffImage(ftyp('mif1', ['mif1', 'heic']))).toBeUndefined();
    expect(sniffImage(ftyp('isom', ['isom', 'mp41']))).toBeUndefined();
  });
  it('reads the largest ispe property as the size', () => {
    const ispe = (w: number, h: number) => {
      const box = Buffer.alloc(20);
      box.writeUInt32BE(20, 0);
      box.write('ispe', 4, 'ascii');
      box.writeUInt32BE(w, 12);
      box.writeUInt32BE(h, 16);
      return box;
    };
    const file = ftyp('avif', ['mif1'], Buffer.concat([ispe(512, 512), ispe(40_000, 30_000)]));
    expect(sniffImage(file)).toMatchObject({ format: 'avif', width: 40_000, height: 30_000 });
  });
});

describe('sniffImage: icons and bitmaps', () => {
  it('reads an icon directory (0 means 256) and refuses one that does not fit', () => {
    const ico = new Uint8Array(6 + 32);
    ico.set([0, 0, 1, 0, 2, 0]);
    ico.set([16, 16], 6);
    ico.set([0, 0], 22);
    expect(sniffImage(ico.buffer)).toMatchObject({ format: 'ico', width: 256, height: 256 });
    expect(sniffImage(bytes(0, 0, 1, 0, 5, 0, 16, 16))).toBeUndefined();
  });
  it('reads OS/2 bitmap headers and refuses a "BM" with a nonsense header', () => {
    const core = new Uint8Array(26);
    core.set([0x42, 0x4d]);
    new DataView(core.buffer).setUint32(14, 12, true);
    new DataView(core.buffer).setUint16(18, 640, true);
    new DataView(core.buffer).setUint16(20, 480, true);
    expect(sniffImage(core.buffer)).toMatchObject({ format: 'bmp', width: 640, height: 480 });
    expect(sniffImage(text('BMW is a car, not a bitmap image at all'))).toBeUndefined();
  });
});
