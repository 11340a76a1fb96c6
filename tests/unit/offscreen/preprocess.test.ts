import { describe, expect, it } from 'vitest';
import { imagenetLogits, toModelInput } from '../../../src/offscreen/preprocess';

describe('model input', () => {
  it('turns RGBA bytes into RGB floats in [0, 1], dropping alpha', () => {
    const data = new Uint8ClampedArray([255, 0, 51, 7, 0, 255, 102, 255]);
    const input = toModelInput({ data, width: 2, height: 1 });
    expect(input).toHaveLength(6);
    expect([...input].map((v) => Number(v.toFixed(3)))).toEqual([1, 0, 0.2, 0, 1, 0.4]);
  });

  it('drops the background class the model puts first', () => {
    const logits = new Float32Array(1001).map((_, i) => i);
    const classes = imagenetLogits(logits);
    expect(classes).toHaveLength(1000);
    expect(classes[0]).toBe(1);
    expect(classes[999]).toBe(1000);
  });
});
