import { describe, expect, it } from 'vitest';
import { AnswerSmoother, DEFAULT_SMOOTHING } from '../../../src/shared/smoothing';
import type { Prediction } from '../../../src/shared/types';

const guess = (classIndex: number, probability: number): Prediction => ({ label: `class ${classIndex}`, synonyms: [], classIndex, probability });
const frame = (...pairs: [number, number][]) => ({ predictions: pairs.map(([c, p]) => guess(c, p)), structure: 0.9 });

describe('AnswerSmoother', () => {
  it('shows the first answer at once', () => {
    const smoother = new AnswerSmoother();
    const out = smoother.push(frame([954, 0.8], [953, 0.1]), 0);
    expect(out.changed).toBe(true);
    expect(out.predictions[0]!.classIndex).toBe(954);
    expect(out.predictions[0]!.probability).toBeCloseTo(0.8);
    expect(out.structure).toBeCloseTo(0.9);
  });

  it('keeps its label on a still scene whose frames disagree near a tie', () => {
    const smoother = new AnswerSmoother();
    let changes = 0;
    for (let i = 0; i < 100; i++) {
      // Two close guesses that swap places every other frame, as a camera's noise makes them.
      const out = smoother.push(i % 2 ? frame([1, 0.45], [2, 0.4]) : frame([2, 0.47], [1, 0.38]), i * 100);
      if (out.changed) changes++;
    }
    expect(changes).toBe(1);
  });

  it('without smoothing, the same frames change the label on nearly every frame', () => {
    const smoother = new AnswerSmoother({ timeConstantMs: 0, margin: 0 });
    let changes = 0;
    for (let i = 0; i < 100; i++) if (smoother.push(i % 2 ? frame([1, 0.45], [2, 0.4]) : frame([2, 0.47], [1, 0.38]), i * 100).changed) changes++;
    expect(changes).toBe(100);
  });

  it('follows a change of scene within a second at ten answers a second', () => {
    const smoother = new AnswerSmoother();
    for (let i = 0; i < 20; i++) smoother.push(frame([954, 0.9]), i * 100);
    let followedAt: number | undefined;
    for (let i = 20; i < 40 && followedAt === undefined; i++) {
      const out = smoother.push(frame([968, 0.85], [954, 0.05]), i * 100);
      if (out.predictions[0]!.classIndex === 968) followedAt = i * 100 - 2000;
    }
    expect(followedAt).toBeDefined();
    expect(followedAt!).toBeLessThanOrEqual(600);
  });

  it('averages in time, not in frames: a slow and a fast stream follow a change equally fast', () => {
    const follow = (intervalMs: number) => {
      const smoother = new AnswerSmoother(DEFAULT_SMOOTHING);
      for (let t = 0; t < 2000; t += intervalMs) smoother.push(frame([1, 0.9]), t);
      for (let t = 2000; ; t += intervalMs) if (smoother.push(frame([2, 0.9]), t).predictions[0]!.classIndex === 2) return t - 2000;
    };
    expect(Math.abs(follow(50) - follow(100))).toBeLessThanOrEqual(100);
  });

  it('keeps the shown class first even while another leads it by less than the margin', () => {
    const smoother = new AnswerSmoother({ timeConstantMs: 0, margin: 0.1 });
    smoother.push(frame([1, 0.5], [2, 0.3]), 0);
    const out = smoother.push(frame([2, 0.45], [1, 0.4]), 100);
    expect(out.changed).toBe(false);
    expect(out.predictions.map((p) => p.classIndex)).toEqual([1, 2]);
  });

  it('forgets classes no longer seen, keeps at most the asked number, and starts afresh after reset', () => {
    const smoother = new AnswerSmoother(DEFAULT_SMOOTHING, 3);
    smoother.push(frame([1, 0.3], [2, 0.2], [3, 0.2], [4, 0.2], [5, 0.1]), 0);
    let out = smoother.push(frame([9, 0.9]), 10_000);
    expect(out.predictions.map((p) => p.classIndex)).toEqual([9]);
    smoother.reset();
    out = smoother.push(frame([7, 0.6]), 10_100);
    expect(out.changed).toBe(true);
    expect(out.predictions[0]!.probability).toBeCloseTo(0.6);
  });
});
