/**
 * The detection path for one decoded picture: the detector on the whole picture at two scales
 * (views.ts), suppression across them (suppress.ts), then MobileNetV2 on the crop of each surviving
 * box it can judge, in one batch, to confirm, rename or finely name it (confirm.ts). Each model
 * step is its own turn on the engine's queue, so an identification asked meanwhile waits for one
 * step at most, not for all of them.
 */
import type { Rect } from '../../shared/geometry';
import type { Detection, FoundObject } from '../../shared/types';

type Steps = NonNullable<Detection['steps']>;
import type { LoadedModel } from '../model';
import { modelInputPixels, toModelInput } from '../preprocess';
import { softmax } from '../topk';
import { classifierJudges, confirmBox, UNJUDGED } from './confirm';
import type { Detector, RawBox } from './detector';
import { suppress, type Box } from './suppress';
import { detectionViews } from './views';

/** Runs a step with the classifier, in turn with everything else the engine does. */
export type Turn = <T>(job: (model: LoadedModel) => Promise<T>) => Promise<T>;

/** Detector boxes below this score are not considered at all. */
export const MIN_DETECTOR_SCORE = 0.2;
/** Most boxes the classifier looks at (best first): one batch. */
export const MAX_CANDIDATES = 8;
/** A box's crop shows this much of its surroundings on each side (the classifier was trained on loose crops). */
const CROP_MARGIN = 0.1;

/**
 * The side the classifier sees a box's crop at. Smaller than the 224 it was trained at: on the dev
 * scenes, 192 found as many things, named more of them finely and right (45 photos against 40)
 * and cost about 50 ms less per picture (docs/DETECTION.md).
 */
export const CROP_SIDE = 192;

/** A small thing's crop shows at least this much of the picture's short side: a speck says little, its surroundings more (sky: a plane, not a bird). */
const MIN_CROP_FRACTION = 0.15;

/** A square around the box (with a margin), kept inside the picture where it can be. */
export function cropAround([x0, y0, x1, y1]: Box, width: number, height: number): Rect {
  const least = MIN_CROP_FRACTION * Math.min(width, height);
  const side = Math.min(Math.max(Math.max(x1 - x0, y1 - y0) * (1 + 2 * CROP_MARGIN), least), Math.max(width, height));
  const fit = (centre: number, extent: number) => Math.min(Math.max(0, centre - side / 2), Math.max(0, extent - side));
  const x = fit((x0 + x1) / 2, width);
  const y = fit((y0 + y1) / 2, height);
  return { x, y, width: Math.min(side, width - x), height: Math.min(side, height - y) };
}

const toScored = (raw: RawBox) => ({ ...raw, kind: raw.cocoIndex });

const timed = async <T>(job: () => Promise<T>): Promise<[T, number]> => {
  const started = performance.now();
  return [await job(), performance.now() - started];
};

export async function findObjects(bitmap: ImageBitmap, detector: Detector, turn: Turn): Promise<{ objects: FoundObject[]; steps: Steps }> {
  const raw: RawBox[] = [];
  const views = detectionViews(bitmap.width, bitmap.height);
  const steps: Steps = { views: views.length, detectorMs: 0, crops: 0, classifierMs: 0 };
  for (const view of views) {
    raw.push(...(await turn(async () => {
      const [boxes, ms] = await timed(() => detector.run(bitmap, view, MIN_DETECTOR_SCORE));
      steps.detectorMs += ms;
      return boxes;
    })));
  }
  const candidates = suppress(raw.map(toScored)).slice(0, MAX_CANDIDATES);
  if (candidates.length === 0) return { objects: [], steps };
  // Only boxes whose class has ImageNet kin are cropped: the others (person) stand on the detector alone.
  const judged = candidates.filter((candidate) => classifierJudges(candidate.cocoIndex));
  steps.crops = judged.length;
  const logits = judged.length === 0 ? [] : await turn(async (model) => {
    const [out, ms] = await timed(() =>
      model.logits(judged.map(({ box }) => toModelInput(modelInputPixels(bitmap, cropAround(box, bitmap.width, bitmap.height), CROP_SIDE))), CROP_SIDE));
    steps.classifierMs = ms;
    return out;
  });
  const objects = candidates
    .map((candidate) => {
      const i = judged.indexOf(candidate);
      return confirmBox(candidate, i < 0 ? UNJUDGED : softmax(logits[i]!));
    })
    .filter((object): object is FoundObject => object !== undefined);
  const names = [...new Set(objects.map((o) => o.coco))];
  const kept = suppress(objects.map((object) => ({ ...object, kind: names.indexOf(object.coco) }))).map(({ kind: _, ...object }) => object);
  return { objects: kept, steps };
}
