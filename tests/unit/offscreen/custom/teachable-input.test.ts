import { describe, expect, it } from 'vitest';
import { centreSquare, toTeachableInput } from '../../../../src/offscreen/custom/teachable-input';

/** Teachable Machine's own formula (@teachablemachine/image: fromPixels, then (x - 127.5) / 127.5). */
const teachableMachine = (x: number) => (x - 127.5) / 127.5;

describe('Teachable Machine preprocessing', () => {
  it('scales every RGB byte to [-1, 1] as x / 127.5 - 1, dropping alpha', () => {
    const bytes = [0, 1, 64, 127, 128, 200, 254, 255];
    const data = new Uint8ClampedArray(bytes.flatMap((v, i) => (i % 3 === 2 ? [v, 9] : [v])).concat([0, 0]).slice(0, 12));
    const pixels = { data, width: 3, height: 1 };
    const input = toTeachableInput(pixels);
    const rgb = [...data].filter((_, i) => i % 4 !== 3);
    expect(input).toHaveLength(9);
    input.forEach((value, i) => expect(value).toBeCloseTo(teachableMachine(rgb[i]!), 6));
    expect(toTeachableInput({ data: new Uint8ClampedArray([0, 255, 127.5, 255]), width: 1, height: 1 })[0]).toBe(-1);
    expect(toTeachableInput({ data: new Uint8ClampedArray([255, 0, 0, 255]), width: 1, height: 1 })[0]).toBe(1);
  });

  it('takes the centre square of the shorter side', () => {
    expect(centreSquare(640, 480)).toEqual({ x: 80, y: 0, size: 480 });
    expect(centreSquare(300, 900)).toEqual({ x: 0, y: 300, size: 300 });
    expect(centreSquare(224, 224)).toEqual({ x: 0, y: 0, size: 224 });
  });
});
