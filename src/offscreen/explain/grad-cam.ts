/**
 * Grad-CAM on MobileNetV2's last convolutional block (7x7x1280 per view), from the same forward
 * pass that gives the answer: the head after that block is a mean and a dense layer, so the
 * gradient is known in closed form (head-cam.ts).
 */
import { tf } from '../tfjs';
import { headGradCam } from './head-cam';

/** The graph's last convolution (Conv_1, ReLU6 fused) and its output; MobileNetV2 1.0/224 as converted for TF.js. */
export const LAST_CONV_NODE = 'MobilenetV2/Conv_1/FusedConv2D';
export const LOGITS_NODE = 'module_apply_default/MobilenetV2/Logits/output';
/** The dense layer after the mean: [1280, 1001] (a 1x1 convolution in the original graph). */
export const LOGITS_WEIGHTS = 'MobilenetV2/Logits/Conv2d_1c_1x1/weights';

/** Logits for every view and, for `classOf(logits)`, a map per view. */
export interface CamResult {
  /** One row of 1001 logits per view (the graph's own output, background class first). */
  logits: Float32Array[];
  /** Row-major `side` x `side` maps, one per view, in logit units (not normalised). */
  maps: Float32Array[];
  side: number;
}

/** The head's dense weights as the loaded graph holds them; a converter change that renames them fails loudly. */
function logitsWeights(model: tf.GraphModel): tf.Tensor2D {
  const weights = model.weights[LOGITS_WEIGHTS]?.[0];
  if (!weights || weights.rank !== 2) throw new Error(`the model has no dense head "${LOGITS_WEIGHTS}": update grad-cam.ts`);
  return weights as tf.Tensor2D;
}

/**
 * `classOf` picks the class to explain from the views' logits (the merged top-1): one for the
 * whole batch, or one per view (a batch holding several pictures' views, each its own class;
 * a view's activations only reach its own logits, so each map still explains its own class).
 */
export async function gradCam(model: tf.GraphModel, batch: tf.Tensor4D, classOf: (logits: Float32Array[]) => number | number[]): Promise<CamResult> {
  const [activations, logitsTensor] = model.execute(batch, [LAST_CONV_NODE, LOGITS_NODE]) as [tf.Tensor4D, tf.Tensor2D];
  try {
    const views = batch.shape[0];
    const flat = (await logitsTensor.data()) as Float32Array;
    const width = logitsTensor.shape[1];
    const logits = Array.from({ length: views }, (_, i) => flat.slice(i * width, (i + 1) * width));
    const chosen = classOf(logits);
    const targets = typeof chosen === 'number' ? Array.from({ length: views }, () => chosen) : chosen;
    const camTensor = headGradCam(activations, logitsWeights(model), targets);
    const camValues = (await camTensor.data()) as Float32Array;
    camTensor.dispose();
    const side = activations.shape[1];
    const cells = side * side;
    return { logits, maps: Array.from({ length: views }, (_, i) => camValues.slice(i * cells, (i + 1) * cells)), side };
  } finally {
    activations.dispose();
    logitsTensor.dispose();
  }
}
