import { describe, expect, it } from 'vitest';
import { klDivergence, meanProbabilities, MERGE_RULES, mergeViews, softWeights } from '../../../../src/offscreen/explain/merge';

/** Logits for 4 classes. */
const logits = (...values: number[]) => Float32Array.from(values);

describe('mergeViews', () => {
  it('passes one view through unchanged', () => {
    const merged = mergeViews([logits(2, 0, 0, 0)]);
    expect(merged.weights).toEqual([1]);
    expect(merged.probabilities[0]).toBeCloseTo(Math.exp(2) / (Math.exp(2) + 3));
  });

  it('gives probabilities summing to 1 and weights summing to 1, whatever the rule', () => {
    const contentFree = meanProbabilities([logits(0, 0, 0, 3)]);
    for (const rule of MERGE_RULES) {
      const merged = mergeViews([logits(3, 1, 0, 0), logits(0, 0, 5, 0), logits(1, 1, 1, 1)], { rule, contentFree });
      expect(merged.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
      expect(merged.weights.reduce((a, b) => a + b, 0)).toBeCloseTo(1);
    }
  });

  it('energy: a view with strong evidence (large logits) outweighs a peaked but weak one', () => {
    // "Filler": class 3 wins clearly but every logit is small. "Object": large logits for class 0.
    const filler = logits(-4, -4, -4, 0);
    const object = logits(9, 8, 1, 1);
    const merged = mergeViews([filler, filler, object], { rule: 'energy' });
    expect(merged.probabilities.indexOf(Math.max(...merged.probabilities))).toBe(0);
    expect(merged.weights[2]).toBeGreaterThan(0.9);
  });

  it('mean: two filler views outvote the object', () => {
    const filler = logits(-4, -4, -4, 4);
    const object = logits(5, 4, 1, 1);
    const merged = mergeViews([filler, filler, object], { rule: 'mean' });
    expect(merged.probabilities.indexOf(Math.max(...merged.probabilities))).toBe(3);
  });

  it('content-free-kl: a confident background view that answers like a picture of nothing loses to the object', () => {
    // The model says "class 3" (velvet, say) for pictures of nothing; the filler views say it even more surely.
    const contentFree = meanProbabilities([logits(0, 0, 0, 2), logits(0, 0, 1, 2)]);
    const filler = logits(0, 0, 0, 6);
    const object = logits(4, 3, 0, 0);
    const merged = mergeViews([filler, object, filler], { rule: 'content-free-kl', contentFree });
    expect(merged.probabilities.indexOf(Math.max(...merged.probabilities))).toBe(0);
    expect(merged.weights[1]).toBeGreaterThan(merged.weights[0]!);
    // The plain max keeps the filler's answer.
    const max = mergeViews([filler, object, filler], { rule: 'max' });
    expect(max.probabilities.indexOf(Math.max(...max.probabilities))).toBe(3);
  });

  it('content-free-kl needs the content-free answer', () => {
    expect(() => mergeViews([logits(1, 0, 0, 0), logits(0, 1, 0, 0)], { rule: 'content-free-kl' })).toThrow(RangeError);
  });

  it('refuses an empty list of views', () => {
    expect(() => mergeViews([])).toThrow(RangeError);
  });
});

describe('klDivergence', () => {
  it('is 0 for equal distributions and grows as they part', () => {
    expect(klDivergence([0.5, 0.5], [0.5, 0.5])).toBeCloseTo(0);
    expect(klDivergence([0.9, 0.1], [0.5, 0.5])).toBeCloseTo(0.9 * Math.log(1.8) + 0.1 * Math.log(0.2));
    expect(klDivergence([1, 0], [0, 1])).toBeLessThan(Infinity);
  });
});

describe('softWeights', () => {
  it('is a stable softmax of the scores over the temperature', () => {
    expect(softWeights([1000, 1000], 1)).toEqual([0.5, 0.5]);
    const [a, b] = softWeights([2, 0], 2);
    expect(a! / b!).toBeCloseTo(Math.E);
  });
});
