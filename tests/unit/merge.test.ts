import { describe, expect, it } from 'vitest';
import { mergeViews, softWeights } from '../../src/offscreen/explain/merge';

/** Logits for 4 classes. */
const logits = (...values: number[]) => Float32Array.from(values);

describe('mergeViews', () => {
  it('passes one view through unchanged', () => {
    const merged = mergeViews([logits(2, 0, 0, 0)]);
    expect(merged.weights).toEqual([1]);
    expect(merged.probabilities[0]).toBeCloseTo(Math.exp(2) / (Math.exp(2) + 3));
  });

  it('gives probabilities summing to 1 and weights summing to 1, whatever the rule', () => {
    for (const rule of ['max', 'mean', 'confidence', 'entropy', 'energy', 'max-logit'] as const) {
      const merged = mergeViews([logits(3, 1, 0, 0), logits(0, 0, 5, 0), logits(1, 1, 1, 1)], rule);
      expect(merged.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
      expect(merged.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    }
  });

  it('energy: a view with strong evidence (large logits) outweighs a peaked but weak one', () => {
    // "Filler": class 3 wins clearly but every logit is small. "Object": large logits for class 0.
    const filler = logits(-4, -4, -4, 0);
    const object = logits(9, 8, 1, 1);
    const merged = mergeViews([filler, filler, object], 'energy');
    expect(merged.probabilities.indexOf(Math.max(...merged.probabilities))).toBe(0);
    expect(merged.weights[2]).toBeGreaterThan(0.9);
  });

  it('mean: two filler views outvote the object', () => {
    const filler = logits(-4, -4, -4, 4);
    const object = logits(5, 4, 1, 1);
    const merged = mergeViews([filler, filler, object], 'mean');
    expect(merged.probabilities.indexOf(Math.max(...merged.probabilities))).toBe(3);
  });

  it('refuses an empty list of views', () => {
    expect(() => mergeViews([])).toThrow(RangeError);
  });
});

describe('softWeights', () => {
  it('is a stable softmax of the scores over the temperature', () => {
    expect(softWeights([1000, 1000], 1)).toEqual([0.5, 0.5]);
    const [a, b] = softWeights([2, 0], 2);
    expect(a! / b!).toBeCloseTo(Math.E);
  });
});
