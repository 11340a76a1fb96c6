import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';
import { LIMITS } from '../../src/shared/limits';
import { imageProblem } from '../../src/shared/image-problem';
import { sniffImage } from '../../src/shared/sniff';
import { isTruncated } from '../../src/shared/truncation';

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

const SAMPLE = readFileSync(new URL('../../../shared/eval/imagenet-samples-dev/n02056570_king_penguin.JPEG', import.meta.url));
const buffer = (data: Uint8Array | Buffer): ArrayBuffer => data.buffer.slice(data.byteOffset, data.byteOffset + data.byteLength) as ArrayBuffer;

function pngChunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'ascii');
  return Buffer.concat([head, data, Buffer.alloc(4)]);
}

function wholePng(width: number, height: number): Buffer {
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

describe('isTruncated: a file cut short is refused, not half-identified', () => {
  it('accepts whole files', () => {
    expect(isTruncated(buffer(SAMPLE), 'jpeg')).toBe(false);
    expect(isTruncated(buffer(wholePng(4, 4)), 'png')).toBe(false);
    expect(isTruncated(buffer(Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3b])), 'gif')).toBe(false);
  });
  it('finds JPEGs cut anywhere, including inside their image data', () => {
    for (const fraction of [0.05, 0.3, 0.6, 0.99]) {
      expect(isTruncated(buffer(SAMPLE.subarray(0, Math.floor(SAMPLE.length * fraction))), 'jpeg'), String(fraction)).toBe(true);
    }
    expect(isTruncated(buffer(SAMPLE.subarray(0, SAMPLE.length - 2)), 'jpeg')).toBe(true);
  });
  it('ignores what follows the end of a JPEG (motion photos append a video)', () => {
    expect(isTruncated(buffer(Buffer.concat([SAMPLE, Buffer.alloc(10_000, 0xff)])), 'jpeg')).toBe(false);
  });
  it('is not fooled by an embedded thumbnail\'s end marker', () => {
    // An APP1 segment holding a whole tiny "JPEG" (FFD8 ... FFD9) before the real image.
    const thumbnail = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, thumbnail.length + 2]), thumbnail]);
    const file = Buffer.concat([SAMPLE.subarray(0, 2), app1, SAMPLE.subarray(2)]);
    expect(isTruncated(buffer(file), 'jpeg')).toBe(false);
    expect(isTruncated(buffer(file.subarray(0, 4000)), 'jpeg')).toBe(true);
  });
  it('finds PNGs without IEND, GIFs without a whole first frame, WebPs shorter than their RIFF size', () => {
    const whole = wholePng(8, 8);
    expect(isTruncated(buffer(whole.subarray(0, whole.length - 12)), 'png')).toBe(true);
    expect(isTruncated(buffer(whole.subarray(0, whole.length - 2)), 'png')).toBe(false); // only IEND's checksum cut
    expect(isTruncated(buffer(whole.subarray(0, 40)), 'png')).toBe(true);
    expect(isTruncated(buffer(Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44])), 'gif')).toBe(true);
    const webp = Buffer.alloc(30);
    webp.write('RIFF', 0, 'ascii');
    webp.writeUInt32LE(1000, 4);
    webp.write('WEBPVP8 ', 8, 'ascii');
    expect(isTruncated(buffer(webp), 'webp')).toBe(true);
    webp.writeUInt32LE(22, 4);
    expect(isTruncated(buffer(webp), 'webp')).toBe(false);
  });
});

describe('imageProblem: what the bytes alone rule out', () => {
  it('passes a good photo', () => {
    expect(imageProblem(buffer(SAMPLE))).toBeUndefined();
  });
  it('names each problem with its code', () => {
    expect(imageProblem(new ArrayBuffer(0))).toMatchObject({ code: 'empty' });
    expect(imageProblem(new ArrayBuffer(LIMITS.maxImageBytes + 1))).toMatchObject({ code: 'too-large' });
    expect(imageProblem(text('<html>nope</html>'))).toMatchObject({ code: 'not-an-image' });
    expect(imageProblem(buffer(wholePng(1, 1)))).toMatchObject({ code: 'too-small' });
    expect(imageProblem(buffer(wholePng(LIMITS.minImageSide, LIMITS.minImageSide)))).toBeUndefined();
    expect(imageProblem(png(30000, 30000))).toMatchObject({ code: 'too-many-pixels' });
    expect(imageProblem(png(0, 10))).toMatchObject({ code: 'corrupt' });
    expect(imageProblem(buffer(SAMPLE.subarray(0, 20_000)))).toMatchObject({ code: 'corrupt' });
  });
  it('lets SVG through whatever size it declares (it is drawn at a fixed size)', () => {
    expect(imageProblem(text('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'))).toBeUndefined();
  });
});
