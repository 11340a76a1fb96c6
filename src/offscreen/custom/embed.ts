/**
 * A picture's MobileNetV2 embedding: the 1280 channels of the model's last block averaged over
 * the picture (the penultimate features, which its ImageNet head reads), averaged again over the
 * picture's views (crops.ts). What taught examples are kept as and compared by.
 */
import { LAST_CONV_NODE } from '../explain/grad-cam';
import type { LoadedModel } from '../model';
import type { PreparedImage } from '../prepare';
import { MODEL_INPUT_SIZE } from '../preprocess';
import { tf } from '../tfjs';

export async function embedPrepared(model: LoadedModel, image: PreparedImage): Promise<Float32Array> {
  const views = image.inputs.length;
  const batch = new Float32Array(views * image.inputs[0]!.length);
  image.inputs.forEach((input, i) => batch.set(input, i * input.length));
  const pooled = tf.tidy(() => {
    const input = tf.tensor4d(batch, [views, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE, 3]);
    const activations = model.graph.execute(input, LAST_CONV_NODE) as tf.Tensor4D;
    return activations.mean([0, 1, 2]);
  });
  try {
    return (await pooled.data()) as Float32Array;
  } finally {
    pooled.dispose();
  }
}
