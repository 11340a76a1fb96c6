import { describe, expect, it } from 'vitest';
import { resolveSpec, SPEC } from '../../../scripts/make-coco-imagenet';
import KIN from '../../../src/offscreen/detect/coco-imagenet.json';

describe('COCO -> ImageNet kin', () => {
  it('is what the checked spec resolves to (run npm run make-coco-imagenet after changing it)', () => {
    expect(resolveSpec(SPEC)).toEqual(KIN);
  });
  it('refuses an index whose name is not the one written beside it', () => {
    expect(() => resolveSpec({ dog: [[150, 'Chihuahua']] })).toThrow(/is "sea lion", not "Chihuahua"/);
  });
  it('refuses a class under two COCO names, and a name COCO does not have', () => {
    expect(() => resolveSpec({ dog: [[151, 'Chihuahua']], cat: [[151, 'Chihuahua']] })).toThrow(/under both dog and cat/);
    expect(() => resolveSpec({ wolf: [[269, 'grey wolf']] })).toThrow(/not a COCO class/);
  });
});
