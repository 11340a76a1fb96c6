/**
 * Grad-CAM on MobileNetV2's last convolutional block: the block's activations A (7x7x1280 per
 * view), weighted by the mean gradient of the class logit with respect to them (tf.grad over the
 * graph model, fed from that block), summed over channels and clipped at zero.
 */
import { tf } from '../tfjs';

/** The graph's last convolution (Conv_1, ReLU6 fused) and its output; MobileNetV2 1.0/224 as converted for TF.js. */
export const LAST_CONV_NODE = 'MobilenetV2/Conv_1/FusedConv2D';
export const LOGITS_NODE = 'module_apply_default/MobilenetV2/Logits/output';

/** Logits for every view and, for `classOf(logits)`, a map per view. */
export interface CamResult {
  /** One row of 1001 logits per view (the graph's own output, background class first). */
  logits: Float32Array[];
  /** Row-major `side` x `side` maps, one per view, in logit units (not normalised). */
  maps: Float32Array[];
  side: number;
}

/**
 * One forward pass for the batch of views gives both the answer and the activations; the
 * gradient then only runs through the small head (pooling and the last dense layer).
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
    const camTensor = tf.tidy(() => {
      const pick = tf.oneHot(tf.tensor1d(targets, 'int32'), width);
      const score = (a: tf.Tensor) => {
        const out = model.execute({ [LAST_CONV_NODE]: a }, LOGITS_NODE) as tf.Tensor2D;
        return out.mul(pick).sum();
      };
      const gradient = tf.grad(score)(activations) as tf.Tensor4D;
      const channelWeights = gradient.mean([1, 2], true);
      return activations.mul(channelWeights).sum(3).relu();
    });
    const side = camTensor.shape[1]!;
    const camValues = (await camTensor.data()) as Float32Array;
    camTensor.dispose();
    const cell = side * side;
    return { logits, maps: Array.from({ length: views }, (_, i) => camValues.slice(i * cell, (i + 1) * cell)), side };
  } finally {
    activations.dispose();
    logitsTensor.dispose();
  }
}
