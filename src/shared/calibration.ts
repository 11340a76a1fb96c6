/**
 * How sure an answer may sound, measured: on the dev photos (and pictures with no right answer),
 * how often the top answer is right at each confidence (docs/CALIBRATION.md; redo it with
 * `npm run calibrate`). No UI strings here, so scripts can use it outside the extension.
 */
import type { Classification } from './types';

export type Certainty = 'sure' | 'probably' | 'unsure';

/** Measured thresholds on the top answer's probability (docs/CALIBRATION.md). */
export const CALIBRATION = {
  /** At or above: right 98% of the time on the 200 dev photos (129 of 131). Said plainly. */
  sure: 0.7,
  /** Below: right 23% of the time (3 of 13; no picture without a right answer scored above it but noise). Said "Not sure". */
  unsure: 0.3,
  // Between the two: "Probably …", right 82% of the time (46 of 56).
  /** Below this neighbour correlation the picture has no structure (noise scores 0.14, the lowest dev photo 0.55): "Not sure", whatever the model says. */
  structure: 0.35,
  /** A second guess worth naming after "maybe". */
  maybe: 0.05,
} as const;

export function certaintyOf(answer: Pick<Classification, 'predictions' | 'structure'> & Pick<Partial<Classification>, 'model'>): Certainty {
  const top = answer.predictions[0];
  if (answer.model) return customCertainty(top?.probability ?? 0, answer.structure);
  if (!top || top.probability < CALIBRATION.unsure) return 'unsure';
  if (answer.structure !== undefined && answer.structure < CALIBRATION.structure) return 'unsure';
  return top.probability >= CALIBRATION.sure ? 'sure' : 'probably';
}


/**
 * The class's own models (an imported Teachable Machine model, taught classes): their confidence
 * is the model's softmax, or for taught classes the nearest examples' vote scaled by how near they
 * are (offscreen/custom/knn.ts). Measured on the dev photos: docs/CUSTOM-MODELS.md.
 */
export const CUSTOM_CALIBRATION = {
  sure: 0.8,
  unsure: 0.5,
} as const;

function customCertainty(probability: number, structure: number | undefined): Certainty {
  if (probability < CUSTOM_CALIBRATION.unsure) return 'unsure';
  if (structure !== undefined && structure < CALIBRATION.structure) return 'unsure';
  return probability >= CUSTOM_CALIBRATION.sure ? 'sure' : 'probably';
}
