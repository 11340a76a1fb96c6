/**
 * Whether a picture is a photo of a thing, and if not what it looks like (a chart, a page of
 * text, an app's screen, a map, a drawing). Two small logistic models over the view's colour and
 * edge statistics (picture-stats.ts) and the model's own answer: one says "not a photo", the other
 * names the kind. Their weights are fitted by `npm run calibrate:not-photos` on pictures drawn for
 * it (scripts/make-not-photo-set.ts) against the 200 dev photos, whole kinds held out to check
 * that the rule generalises (docs/CALIBRATION.md). Pure: no tensors, no DOM.
 */
import { CALIBRATION } from '../shared/calibration';
import type { NotPhotoKind, PictureStats, Prediction } from '../shared/types';
import { linearScore } from './linear-model';
import { NOT_PHOTO_MODEL } from './picture-kind-weights';

/**
 * ImageNet classes that are themselves flat printed or on-screen matter (web site, menu, envelope,
 * comic book, crossword, book jacket, street sign, scoreboard, clocks, oscilloscope, maze, rulers,
 * binder, screens, jigsaw puzzle), chosen by their meaning, not fitted: the model's answer for a
 * drawn picture mostly falls among them.
 */
export const FLAT_MATTER_CLASSES = new Set([916, 922, 549, 917, 918, 921, 919, 781, 530, 892, 409, 688, 646, 798, 769, 446, 664, 782, 851, 611]);

/** The numbers both models read, in a fixed order. */
export function features(stats: PictureStats, predictions: readonly Pick<Prediction, 'classIndex' | 'probability'>[]): number[] {
  const flatMatter = predictions.reduce((sum, p) => sum + (FLAT_MATTER_CLASSES.has(p.classIndex) ? p.probability : 0), 0);
  return [stats.flat, stats.topColours, stats.grey, stats.edges, stats.straight, predictions[0]?.probability ?? 0, flatMatter];
}

export const FEATURE_NAMES = ['flat', 'topColours', 'grey', 'edges', 'straight', 'top1', 'flatMatter'] as const;

/** For naming the kind, the model's answer in more detail: how much it says web site, menu, envelope, a clock, an oscilloscope, a maze. */
const KIND_CLASSES = [[916], [922], [549], [409, 530, 892], [688], [646]];

export function kindFeatures(stats: PictureStats, predictions: readonly Pick<Prediction, 'classIndex' | 'probability'>[]): number[] {
  const share = (classes: number[]) => predictions.reduce((sum, p) => sum + (classes.includes(p.classIndex) ? p.probability : 0), 0);
  return [...features(stats, predictions), ...KIND_CLASSES.map(share)];
}

/** Chance (0..1) the picture is not a photo of a thing. */
export const notPhotoChance = (x: readonly number[]): number => 1 / (1 + Math.exp(-linearScore(NOT_PHOTO_MODEL.detect, x)));

/** The kind the features look most like, or 'graphic' when no kind is clearly ahead. */
export function kindOf(x: readonly number[]): NotPhotoKind {
  const scores = NOT_PHOTO_MODEL.kinds.map((kind) => linearScore(kind.model, x));
  const top = Math.max(...scores);
  const total = scores.reduce((sum, score) => sum + Math.exp(score - top), 0);
  const best = scores.indexOf(top);
  return 1 / total >= NOT_PHOTO_MODEL.kindConfidence ? NOT_PHOTO_MODEL.kinds[best]!.kind : 'graphic';
}

/**
 * Fewer sharp-edge pixels than this: nothing drawn to name (a blank, a blur, a gradient). The
 * kinds were fitted on pictures with lines and shapes; such a picture is "not a photo", of no kind.
 */
export const MIN_DRAWN_EDGES = 0.003;

/**
 * What the engine says of a picture: undefined for a photo, else what it looks like. Random noise
 * (no structure, see offscreen/structure.ts) is left to the words' own "not sure": it is no drawing.
 */
export function notPhotoKind(stats: PictureStats, predictions: readonly Pick<Prediction, 'classIndex' | 'probability'>[], structure = 1): NotPhotoKind | undefined {
  if (structure < CALIBRATION.structure) return undefined;
  if (notPhotoChance(features(stats, predictions)) < NOT_PHOTO_MODEL.threshold) return undefined;
  return stats.edges < MIN_DRAWN_EDGES ? 'graphic' : kindOf(kindFeatures(stats, predictions));
}
