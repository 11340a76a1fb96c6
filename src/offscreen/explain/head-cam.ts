/**
 * Grad-CAM for a network whose head is a spatial mean followed by one dense layer (MobileNetV2's):
 * logit_c = mean_ij sum_k W_kc A_ijk + b_c, so d logit_c / d A_ijk = W_kc / cells at every cell.
 * Grad-CAM's channel weights are then the dense layer's column for c (over cells), and its map is
 * relu(A x W_c) / cells: one small matrix product on activations the forward pass already gave,
 * instead of a second pass and a backward pass through the graph.
 */
import * as tf from '../tfjs-parts';

/**
 * `activations`: [views, side, side, channels]; `weights`: the dense layer, [channels, classes];
 * `targets`: the class to explain for each view. Returns [views, side x side], row-major maps.
 */
export function headGradCam(activations: tf.Tensor4D, weights: tf.Tensor2D, targets: readonly number[]): tf.Tensor2D {
  const [views, side, , channels] = activations.shape;
  const cells = side * side;
  return tf.tidy(() => {
    // Each view's class column, [views, channels, 1], against its own cells, [views, cells, channels].
    const columns = tf.gather(weights, tf.tensor1d([...targets], 'int32'), 1).transpose().expandDims(2) as tf.Tensor3D;
    const perCell = tf.matMul(activations.reshape([views, cells, channels]) as tf.Tensor3D, columns);
    return perCell.reshape([views, cells]).div(cells).relu() as tf.Tensor2D;
  });
}
