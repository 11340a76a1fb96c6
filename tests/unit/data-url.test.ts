import { describe, expect, it } from 'vitest';
import { decodeDataUrl } from '../../src/shared/data-url';
import { GlimpseFailure } from '../../src/shared/errors';

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
    for (const url of ['data:image/png;base64', 'data:image/png;base64,@@@@', 'data:text/plain,%E0%A4%A']) {
      expect(() => decodeDataUrl(url)).toThrow(GlimpseFailure);
      try {
        decodeDataUrl(url);
      } catch (error) {
        expect((error as GlimpseFailure).error.code).toBe('corrupt');
      }
    }
  });
});
