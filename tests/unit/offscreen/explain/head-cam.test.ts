import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { headGradCam } from '../../../../src/offscreen/explain/head-cam';

/** Grad-CAM by the book: gradient of the class score through mean + dense, channel weights = mean gradient. */
function gradCamByGradient(activations: tf.Tensor4D, weights: tf.Tensor2D, bias: tf.Tensor1D, targets: number[]): tf.Tensor2D {
  return tf.tidy(() => {
    const [views, side] = activations.shape;
    const pick = tf.oneHot(tf.tensor1d(targets, 'int32'), weights.shape[1]);
    const score = (a: tf.Tensor) => (tf.matMul(a.mean([1, 2]) as tf.Tensor2D, weights).add(bias) as tf.Tensor2D).mul(pick).sum();
    const gradient = tf.grad(score)(activations);
    const channelWeights = gradient.mean([1, 2], true);
    return activations.mul(channelWeights).sum(3).relu().reshape([views, side * side]) as tf.Tensor2D;
  });
}

describe('Grad-CAM in closed form for a mean + dense head', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('equals Grad-CAM through the gradient, view by view, each for its own class', async () => {
    const activations = tf.randomUniform([3, 4, 4, 6], 0, 6, 'float32', 7) as tf.Tensor4D;
    const weights = tf.randomNormal([6, 5], 0, 1, 'float32', 11) as tf.Tensor2D;
    const bias = tf.randomNormal([5], 0, 1, 'float32', 13) as tf.Tensor1D;
    const targets = [4, 0, 2];
    const closed = headGradCam(activations, weights, targets);
    const reference = gradCamByGradient(activations, weights, bias, targets);
    expect(closed.shape).toEqual([3, 16]);
    const [a, b] = [await closed.data(), await reference.data()];
    for (let i = 0; i < a.length; i++) expect(a[i]).toBeCloseTo(b[i]!, 5);
    expect(Math.max(...a)).toBeGreaterThan(0);
    tf.dispose([activations, weights, bias, closed, reference]);
  });

  it('leaves no tensor behind', () => {
    const activations = tf.ones([1, 2, 2, 3]) as tf.Tensor4D;
    const weights = tf.ones([3, 2]) as tf.Tensor2D;
    const before = tf.memory().numTensors;
    headGradCam(activations, weights, [1]).dispose();
    expect(tf.memory().numTensors).toBe(before);
    tf.dispose([activations, weights]);
  });
});
