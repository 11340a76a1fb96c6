import { describe, expect, it } from 'vitest';
import { decodeDataUrl } from '../../../src/background/data-url';
import { GlimpseFailure } from '../../../src/shared/errors';

const text = (buffer: ArrayBuffer) => new TextDecoder().decode(buffer);

describe('decodeDataUrl', () => {
  it('decodes base64', () => {
    const { bytes, mimeType } = decodeDataUrl('data:image/png;base64,iVBORw0KGgo=');
    expect(mimeType).toBe('image/png');
    expect([...new Uint8Array(bytes)].slice(0, 4)).toEqual([0x89, 0x50, 0x4e, 0x47]);
  });
  it('decodes percent-encoded text (inline SVG)', () => {
    const { bytes, mimeType } = decodeDataUrl('data:image/svg+xml,%3Csvg%20xmlns%3D%22a%22%2F%3E');
    expect(mimeType).toBe('image/svg+xml');
    expect(text(bytes)).toBe('<svg xmlns="a"/>');
  });
  it('tolerates whitespace and URL-safe base64', () => {
    expect(new Uint8Array(decodeDataUrl('data:image/gif;base64, R0lG\nODlh').bytes)[0]).toBe(0x47);
    expect(new Uint8Array(decodeDataUrl('data:;base64,-_8=').bytes)).toEqual(new Uint8Array([0xfb, 0xff]));
  });
  it('fails clearly on malformed URLs', () => {
    for (const url of ['data:image/png;base64', 'data:image/png;base64,@@@@', 'data:image/png;base64,iVBORw0KGgo###', 'data:;base64,A', 'data:;base64,%E0%A4%A']) {
      expect(() => decodeDataUrl(url)).toThrow(GlimpseFailure);
      try {
        decodeDataUrl(url);
      } catch (error) {
        expect((error as GlimpseFailure).error.code).toBe('corrupt');
      }
    }
  });
  it('percent-decodes bytes as browsers do: any byte, and a stray % left alone', () => {
    expect([...new Uint8Array(decodeDataUrl('data:image/png,%89PNG%0D%0A%1A%0A').bytes)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(text(decodeDataUrl('data:text/plain,100%25 %zz %').bytes)).toBe('100% %zz %');
    expect(text(decodeDataUrl('data:image/svg+xml;utf8,<svg>é</svg>').bytes)).toBe('<svg>é</svg>');
    expect(decodeDataUrl('data:,').bytes.byteLength).toBe(0);
  });
  it('refuses data: URLs over the byte limit before decoding them', () => {
    const big = `data:image/png;base64,${'A'.repeat(4 * 1024)}`;
    expectCode(() => decodeDataUrl(big, 1000), 'too-large');
    expect(decodeDataUrl(big, 4000).bytes.byteLength).toBe(3072);
    expectCode(() => decodeDataUrl(`data:text/plain,${'a'.repeat(5000)}`, 1000), 'too-large');
  });
});

function expectCode(run: () => unknown, code: string): void {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(GlimpseFailure);
    expect((error as GlimpseFailure).error.code).toBe(code);
    return;
  }
  throw new Error(`expected a ${code} failure`);
}
