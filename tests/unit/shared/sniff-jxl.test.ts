import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { imageProblem } from '../../../src/shared/image-problem';
import { sniffImage } from '../../../src/shared/sniff';

const fixture = (name: string): ArrayBuffer => {
  const file = readFileSync(new URL(`../../e2e/fixtures/hostile/${name}`, import.meta.url));
  return file.buffer.slice(file.byteOffset, file.byteOffset + file.length) as ArrayBuffer;
};

/** A bare JPEG XL codestream whose SizeHeader claims width x height (no picture data after it). */
function codestreamClaiming(width: number, height: number): ArrayBuffer {
  const bits: number[] = [];
  const put = (value: number, count: number) => {
    for (let i = 0; i < count; i++) bits.push(Math.floor(value / 2 ** i) % 2);
  };
  put(0, 1); // not div8
  put(3, 2); // 30-bit height
  put(height - 1, 30);
  put(0, 3); // no ratio: width follows
  put(3, 2);
  put(width - 1, 30);
  const out = new Uint8Array(2 + Math.ceil(bits.length / 8) + 4);
  out.set([0xff, 0x0a]);
  bits.forEach((bit, i) => (out[2 + (i >> 3)]! |= bit << (i & 7)));
  return out.buffer;
}

describe('JPEG XL, which Chromium shows, is an image too', () => {
  it('a bare codestream: format and size from its SizeHeader', () => {
    expect(sniffImage(fixture('penguin.jxl'))).toMatchObject({ format: 'jxl', mimeType: 'image/jxl', width: 320, height: 240 });
    expect(imageProblem(fixture('penguin.jxl'))).toBeUndefined();
  });

  it('the container (signature box, ftyp, jxlc): the codestream inside is read', () => {
    expect(sniffImage(fixture('penguin-container.jxl'))).toMatchObject({ format: 'jxl', width: 320, height: 240 });
  });

  it('a header claiming 100000 x 100000 pixels is a decompression bomb, refused before decoding', () => {
    expect(sniffImage(codestreamClaiming(100_000, 100_000))).toMatchObject({ format: 'jxl', width: 100_000, height: 100_000 });
    expect(imageProblem(codestreamClaiming(100_000, 100_000))).toMatchObject({ code: 'too-many-pixels' });
    expect(imageProblem(codestreamClaiming(4, 4))).toMatchObject({ code: 'too-small' });
  });
});
