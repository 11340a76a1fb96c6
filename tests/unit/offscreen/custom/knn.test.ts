import { describe, expect, it } from 'vitest';
import { cosine, FAR, knnClassify, NEAR, nearness } from '../../../../src/offscreen/custom/knn';

const v = (...values: number[]) => Float32Array.from(values);

describe('taught classes: nearest examples', () => {
  it('measures cosine similarity', () => {
    expect(cosine(v(1, 0), v(2, 0))).toBeCloseTo(1);
    expect(cosine(v(1, 0), v(0, 3))).toBeCloseTo(0);
    expect(cosine(v(0, 0), v(1, 1))).toBe(0);
  });

  it('answers with the class of the nearest examples, sure when they are near and agree', () => {
    const classes = [
      { name: 'Dog', vectors: [v(1, 0, 0), v(0.9, 0.1, 0), v(0.95, 0.05, 0)] },
      { name: 'Bird', vectors: [v(0, 1, 0), v(0.1, 0.9, 0), v(0, 0.95, 0.05)] },
    ];
    const answer = knnClassify(v(0.97, 0.03, 0), classes, 3);
    expect(answer.ranked[0]).toEqual({ name: 'Dog', confidence: expect.closeTo(1, 5) });
    expect(answer.ranked[1]!.confidence).toBeCloseTo(0);
    expect(answer.nearest).toBeGreaterThan(0.99);
  });

  it('is not sure between two classes, nor when nothing taught is near', () => {
    const classes = [{ name: 'A', vectors: [v(1, 0, 0)] }, { name: 'B', vectors: [v(0, 1, 0)] }];
    const between = knnClassify(v(1, 1, 0), classes, 2);
    expect(between.ranked[0]!.confidence).toBeLessThanOrEqual(0.5);
    const far = knnClassify(v(0, 0, 1), classes, 2);
    expect(far.ranked[0]!.confidence).toBe(0);
  });

  it('scales confidence by nearness between FAR and NEAR', () => {
    expect(nearness(FAR)).toBe(0);
    expect(nearness(NEAR)).toBe(1);
    expect(nearness((NEAR + FAR) / 2)).toBeCloseTo(0.5);
  });

  it('answers nothing with nothing taught', () => {
    expect(knnClassify(v(1), [])).toEqual({ ranked: [], nearest: 0 });
  });
});
