import { describe, expect, it } from 'vitest';
import { COCO_CLASSES } from '../../../../src/offscreen/detect/coco-classes';
import { classifierJudges, confirmBox, THRESHOLDS, UNJUDGED } from '../../../../src/offscreen/detect/confirm';
import KIN from '../../../../src/offscreen/detect/coco-imagenet.json';

const DOG = COCO_CLASSES.indexOf('dog');
const CAT = COCO_CLASSES.indexOf('cat');
const PERSON = COCO_CLASSES.indexOf('person');
const KERRY_BLUE = 183;

/** Probabilities with `mass` on the given classes (spread evenly), the rest on class 999 (toilet tissue). */
function probabilities(on: Record<number, number>): Float64Array {
  const p = new Float64Array(1000);
  let rest = 1;
  for (const [index, value] of Object.entries(on)) {
    p[Number(index)] = value;
    rest -= value;
  }
  p[999] = (p[999] ?? 0) + rest;
  return p;
}

const raw = (cocoIndex: number, score: number) => ({ box: [10, 20, 110, 220] as [number, number, number, number], score, cocoIndex });

describe("the classifier's word on a box", () => {
  it('names a dog by its breed when the crop is sure of it', () => {
    const object = confirmBox(raw(DOG, 0.7), probabilities({ [KERRY_BLUE]: 0.8 }));
    expect(object).toMatchObject({ name: 'Kerry Blue Terrier', coco: 'dog', classIndex: KERRY_BLUE });
  });
  it('keeps the COCO name when no breed is sure enough', () => {
    const object = confirmBox(raw(DOG, 0.7), probabilities({ 151: 0.2, 152: 0.2 }));
    expect(object).toMatchObject({ name: 'dog', coco: 'dog' });
    expect(object?.classIndex).toBeUndefined();
  });
  it('confirms a weak box the crop agrees with, and drops one it does not', () => {
    expect(confirmBox(raw(DOG, 0.25), probabilities({ 151: 0.3, 152: 0.2 }))).toBeDefined();
    expect(confirmBox(raw(DOG, 0.25), probabilities({}))).toBeUndefined();
  });
  it('renames a box the crop firmly places under another COCO class', () => {
    expect(confirmBox(raw(CAT, 0.3), probabilities({ 207: 0.7 }))).toMatchObject({ coco: 'dog', name: 'Golden Retriever' });
  });
  it('never renames a person, whatever the crop shows (a player holding a ball is a person)', () => {
    expect(confirmBox(raw(PERSON, 0.6), probabilities({ 430: 0.9 }))).toMatchObject({ coco: 'person', name: 'person' });
  });
  it('keeps a sure box of a class with no ImageNet kin on the detector alone', () => {
    expect(confirmBox(raw(PERSON, THRESHOLDS.alone + 0.05), probabilities({}))).toMatchObject({ name: 'person' });
    expect(confirmBox(raw(PERSON, THRESHOLDS.alone - 0.05), probabilities({}))).toBeUndefined();
  });
  it('maps every dog breed under dog and no class under two names', () => {
    const kin = KIN as Record<string, number[]>;
    expect(kin.dog).toHaveLength(118);
    expect(kin.dog).toContain(KERRY_BLUE);
    const all = Object.values(kin).flat();
    expect(new Set(all).size).toBe(all.length);
  });
});

describe('boxes the classifier cannot judge', () => {
  it('are not worth a crop: a person stands on the detector alone, whatever a crop would say', () => {
    expect(classifierJudges(PERSON)).toBe(false);
    expect(classifierJudges(DOG)).toBe(true);
    const dogLike = new Float32Array(1000);
    dogLike[207] = 0.9;
    for (const score of [0.3, 0.45, 0.8]) {
      const person = { box: [0, 0, 10, 20] as [number, number, number, number], score, cocoIndex: PERSON };
      expect(confirmBox(person, UNJUDGED)).toEqual(confirmBox(person, dogLike));
    }
  });
});
