import { describe, expect, it } from 'vitest';
import { greyLevels, isSamePicture, shrinkGrid, signatureDistance, SIGNATURE_SIDE } from '../../../src/background/perceptual';

const N = SIGNATURE_SIDE * SIGNATURE_SIDE;
const grid = (f: (i: number) => number) => Float32Array.from({ length: N }, (_, i) => f(i));
const gradient = grid((i) => (i % SIGNATURE_SIDE) * 10);

describe('perceptual signatures', () => {
  it('grey levels weigh green most, blue least', () => {
    expect([...greyLevels(Uint8Array.from([255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255]))].map(Math.round)).toEqual([76, 150, 29]);
  });

  it('the same picture brighter, with more contrast or a little noise is the same', () => {
    expect(signatureDistance(gradient, gradient)).toBeCloseTo(0, 6);
    expect(isSamePicture(gradient, grid((i) => (i % SIGNATURE_SIDE) * 14 + 30))).toBe(true);
    expect(isSamePicture(gradient, grid((i) => (i % SIGNATURE_SIDE) * 10 + ((i * 7919) % 13) - 6))).toBe(true);
  });

  it('a different picture is not', () => {
    const other = grid((i) => Math.floor(i / SIGNATURE_SIDE) * 10); // rows instead of columns
    expect(isSamePicture(gradient, other)).toBe(false);
    expect(signatureDistance(gradient, grid((i) => 150 - (i % SIGNATURE_SIDE) * 10))).toBeCloseTo(2, 6);
  });

  it('flat pictures are the same only when their levels are close', () => {
    expect(isSamePicture(grid(() => 100), grid(() => 104))).toBe(true);
    expect(isSamePicture(grid(() => 100), grid(() => 200))).toBe(false);
    expect(isSamePicture(grid(() => 100), gradient)).toBe(false);
  });

  it('averages a fine grid down to the compared one', () => {
    const fine = Float32Array.from({ length: 16 }, (_, i) => i); // 4 x 4
    expect([...shrinkGrid(fine, 4, 2)]).toEqual([2.5, 4.5, 10.5, 12.5]);
  });

  it('refuses signatures of different sizes', () => {
    expect(() => signatureDistance(gradient, new Float32Array(4))).toThrow();
  });
});
