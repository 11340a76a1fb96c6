/**
 * The development tools' messages (benchmarks and the measurements behind the engine's choices),
 * from the service worker's test hooks to the engine. Only development builds import this table:
 * store builds leave it out, with everything that handles it (`npm run package` checks).
 */
import type { Rect } from './geometry';
import { message } from './message-declaration';
import { ENGINE_OPTION_FIELDS, type Backend } from './types';
import { arrayBuffer, number, object, oneOf, optional } from './validate';

/** How a heat-map can be made: occlusion and smooth-grad exist for the benchmarks that chose Grad-CAM. */
export const EXPLAIN_METHODS = ['grad-cam', 'occlusion', 'smooth-grad'] as const;
export type ExplainMethod = (typeof EXPLAIN_METHODS)[number];

/** The deletion test of one method on one picture (top-1 probability before and after blanking 20 %). */
export interface DeletionResult {
  method: ExplainMethod;
  classIndex: number;
  p: number;
  pHot: number;
  /** After blanking one random square of 20 % of the area. */
  pRandom: number;
  /** After blanking 20 % of the view's 32-pixel cells, chosen at random (scattered). */
  pRandomCells: number;
  /** The method's time, and a plain prediction of the same view just before it (the machine is shared). */
  ms: number;
  predictMs: number;
  error?: string;
}

/** The table, made when a development build first handles it (a function, so nothing of it runs in store builds). */
export const devMessages = () => ({
  /** Bare model.predict on a batch x 224x224x3 tensor (batch 1 unless given), ms per run on the loaded backend. */
  'bench-predict': message<{ backend: Backend; msPerRun: number }>()(object({ runs: number, batch: optional(number), ...ENGINE_OPTION_FIELDS })),
  /** Every view's ImageNet logits (choosing the merge rule). */
  'bench-views': message<{ views: Rect[]; logits: number[][] }>()(object({ bytes: arrayBuffer, ...ENGINE_OPTION_FIELDS })),
  /** The deletion test of one explanation method on one picture. */
  'bench-deletion': message<DeletionResult>()(object({
    bytes: arrayBuffer, method: oneOf(EXPLAIN_METHODS), seed: number, ...ENGINE_OPTION_FIELDS,
  })),
});
export type DevMessages = ReturnType<typeof devMessages>;
