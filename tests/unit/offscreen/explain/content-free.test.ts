import { describe, expect, it } from 'vitest';
import { contentFreePictures } from '../../../../src/offscreen/explain/content-free';

describe('contentFreePictures', () => {
  it('makes the same pictures of nothing every time, as model inputs in [0, 1]', () => {
    const first = contentFreePictures(16);
    const again = contentFreePictures(16);
    expect(first).toHaveLength(11);
    first.forEach((picture, i) => {
      expect(picture).toHaveLength(16 * 16 * 3);
      expect(Array.from(picture)).toEqual(Array.from(again[i]!));
      expect(picture.every((v) => v >= 0 && v <= 1)).toBe(true);
    });
  });
});
