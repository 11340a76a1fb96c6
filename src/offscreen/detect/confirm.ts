/**
 * The classifier's word on a detector's box: MobileNetV2 looks at the box's crop. Where the box's
 * COCO class has finer ImageNet classes (dog -> 118 breeds), their summed probability confirms or
 * rejects a weak box, and a sure enough one names it ("Kerry blue terrier"). A crop the classifier
 * firmly places under another COCO class renames a box of a class with kin (the classifier can
 * judge it: apple or orange, cat or dog; never a person). Classes with no ImageNet kin (person),
 * or whose kin cover only some of their kinds (chair: ImageNet knows rocking chairs and thrones,
 * not office chairs), rest on the detector's score where the classifier does not confirm them.
 */
import { simpleName } from '../../shared/labels';
import type { FoundObject } from '../../shared/types';
import { COCO_CLASSES } from './coco-classes';
import COCO_IMAGENET from './coco-imagenet.json';
import type { RawBox } from './detector';

const KIN = COCO_IMAGENET as Record<string, number[]>;
const COCO_OF = new Map<number, string>(Object.entries(KIN).flatMap(([coco, list]) => list.map((i) => [i, coco] as [number, string])));

/** COCO classes whose every kind is among their ImageNet kin: a box of these the crop disowns is doubtful. */
export const COVERED = new Set([
  'dog', 'cat', 'bird', 'bear', 'zebra', 'elephant', 'airplane', 'bus', 'train', 'boat', 'car', 'truck', 'motorcycle',
  'sports ball', 'banana', 'orange', 'broccoli', 'pizza', 'laptop', 'mouse', 'keyboard', 'tv', 'umbrella', 'traffic light',
]);

export const THRESHOLDS = {
  /** A box the detector is this sure of stands without the classifier. */
  sure: 0.5,
  /** A box the classifier cannot vouch for (no kin, or kin that cover only some kinds) needs this score. */
  alone: 0.4,
  /** The least score of a box the classifier may confirm. */
  least: 0.2,
  /** Kin probability that confirms a weaker box. */
  confirm: 0.3,
  /** One kin class this probable names the thing. */
  fineName: 0.45,
  /** Another COCO class's kin this probable (and the box's own below `confirm`) renames the box. */
  rename: 0.6,
};

/** Whether the classifier can say anything about a box of this COCO class (person: no; a crop of it is not worth its time). */
export const classifierJudges = (cocoIndex: number): boolean => (COCO_CLASSES[cocoIndex] ?? '') in KIN;

/** What a box the classifier does not look at stands on: no probability for any class. */
export const UNJUDGED: ArrayLike<number> = new Float32Array(1000);

/** Probability the classifier gives each COCO class (the summed probability of its ImageNet kin). */
export function cocoMass(probabilities: ArrayLike<number>): Map<string, number> {
  const mass = new Map<string, number>();
  for (const [index, coco] of COCO_OF) mass.set(coco, (mass.get(coco) ?? 0) + probabilities[index]!);
  return mass;
}

function bestKin(coco: string, probabilities: ArrayLike<number>): { classIndex: number; p: number } | undefined {
  let best: { classIndex: number; p: number } | undefined;
  for (const index of KIN[coco] ?? []) {
    const p = probabilities[index]!;
    if (!best || p > best.p) best = { classIndex: index, p };
  }
  return best;
}

/** The object a box stands for, or undefined when it does not stand. Boxes stay in the bitmap's pixels. */
export function confirmBox(raw: RawBox, probabilities: ArrayLike<number>): FoundObject | undefined {
  let coco: string = COCO_CLASSES[raw.cocoIndex] ?? '';
  if (!coco) return undefined;
  const mass = cocoMass(probabilities);
  const own = mass.get(coco) ?? 0;
  let score = raw.score;
  if (own < THRESHOLDS.confirm) {
    const [other, otherMass] = [...mass].reduce((a, b) => (b[1] > a[1] ? b : a), ['', 0] as [string, number]);
    if (coco in KIN && otherMass >= THRESHOLDS.rename && other !== coco) coco = other;
    else if (raw.score < (COVERED.has(coco) ? THRESHOLDS.sure : THRESHOLDS.alone)) return undefined;
  } else {
    score = Math.max(score, Math.min(1, (score + own) / 2 + 0.1));
  }
  const fine = bestKin(coco, probabilities);
  const named = fine && fine.p >= THRESHOLDS.fineName ? simpleName(fine.classIndex) : undefined;
  return {
    name: named ?? coco,
    coco,
    score: Math.round(score * 1000) / 1000,
    box: raw.box,
    ...(named ? { classIndex: fine!.classIndex } : {}),
  };
}
