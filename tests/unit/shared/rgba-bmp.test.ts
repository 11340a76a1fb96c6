import { describe, expect, it } from 'vitest';
import { inspectImage } from '../../../src/shared/image-problem';
import { rgbaBmp } from '../../../src/shared/rgba-bmp';
import { array, number } from '../../../src/shared/validate';

describe('rgbaBmp: pixels handed over without encoding', () => {
  const pixels = Uint8ClampedArray.from({ length: 3 * 2 * 4 }, (_, i) => i);

  it('is a BMP of the right size that every image path accepts as it is', () => {
    expect(rgbaBmp(pixels, 3, 2).byteLength).toBe(122 + 3 * 2 * 4);
    const large = rgbaBmp(new Uint8ClampedArray(64 * 48 * 4), 64, 48);
    const { image, problem } = inspectImage(large);
    expect(problem).toBeUndefined();
    expect(image).toMatchObject({ format: 'bmp', mimeType: 'image/bmp', width: 64, height: 48 });
  });

  it('keeps the canvas rows top-down and the bytes in RGBA order (bit fields), untouched', () => {
    const bytes = rgbaBmp(pixels, 3, 2);
    const view = new DataView(bytes);
    expect(view.getInt32(22, true)).toBe(-2); // top-down
    expect(view.getUint16(28, true)).toBe(32);
    expect(view.getUint32(30, true)).toBe(3); // BI_BITFIELDS
    expect([54, 58, 62, 66].map((at) => view.getUint32(at, true))).toEqual([0xff, 0xff00, 0xff0000, 0xff000000]);
    expect([...new Uint8Array(bytes, 122)]).toEqual([...pixels]);
  });
});

describe('array: lists in messages', () => {
  it('checks each item and the length', () => {
    expect(array(number, 3)([1, 2], 'areas')).toEqual([1, 2]);
    expect(() => array(number, 3)([1, 2, 3, 4], 'areas')).toThrow(/at most 3/);
    expect(() => array(number, 3)([1, 'x'], 'areas')).toThrow(/areas\[1\]/);
    expect(() => array(number, 3)('1', 'areas')).toThrow();
  });
});
