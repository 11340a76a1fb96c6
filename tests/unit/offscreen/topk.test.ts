import { describe, expect, it } from 'vitest';
import { softmax, topK } from '../../../src/offscreen/topk';

describe('softmax', () => {
  it('sums to one and keeps the order', () => {
    const p = softmax([1, 2, 3]);
    expect(p.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
    expect(p[2]).toBeGreaterThan(p[1]!);
  });
  it('is stable for large logits', () => {
    const p = softmax([1000, 1001, -1000]);
    expect(Number.isFinite(p[0])).toBe(true);
    expect(p[1]).toBeCloseTo(1 / (1 + Math.exp(-1)), 10);
  });
});

describe('topK', () => {
  it('returns the k best, best first', () => {
    expect(topK([0.1, 0.5, 0.2, 0.15, 0.05], 3)).toEqual([
      { classIndex: 1, probability: 0.5 },
      { classIndex: 2, probability: 0.2 },
      { classIndex: 3, probability: 0.15 },
    ]);
  });
  it('keeps the lower index first on ties', () => {
    expect(topK([0.25, 0.25, 0.25, 0.25], 2).map((r) => r.classIndex)).toEqual([0, 1]);
  });
  it('handles k larger than the input and skips NaN', () => {
    expect(topK([NaN, 0.3, 0.7], 5).map((r) => r.classIndex)).toEqual([2, 1]);
  });
  it('agrees with a full sort on 1000 random values', () => {
    const values = Array.from({ length: 1000 }, (_, i) => Math.abs(Math.sin(i * 12.9898) * 43758.5453) % 1);
    const expected = values.map((p, i) => ({ classIndex: i, probability: p })).sort((a, b) => b.probability - a.probability).slice(0, 5);
    expect(topK(values, 5)).toEqual(expected);
  });
});
