/**
 * Measurements behind the choices (benchmarks only, never on a user's path):
 * per-view logits for choosing the merge rule, and the deletion test for choosing the method.
 */
import type { Rect } from '../../shared/geometry';
import type { DeletionResult, ExplainMethod } from '../../shared/dev-protocol';
import { prepareImage } from '../prepare';
import { imagenetLogits, MODEL_INPUT_SIZE } from '../preprocess';
import { tf } from '../tfjs';
import { softmax } from '../topk';
import { gradCam } from './grad-cam';
import { hottestMask, randomCellMask, randomSquareMask } from './heatmap';
import { OCCLUSION_GRID, occlusion } from './occlusion';

/** The picture's views as the engine makes them, in one n x 224 x 224 x 3 array. */
async function viewsOfBytes(bytes: ArrayBuffer): Promise<{ views: Rect[]; input: Float32Array }> {
  const image = await prepareImage(bytes);
  image.bitmap.close();
  const one = MODEL_INPUT_SIZE * MODEL_INPUT_SIZE * 3;
  const input = new Float32Array(one * image.views.length);
  image.inputs.forEach((view, i) => input.set(view, i * one));
  return { views: image.views, input };
}

/** Every view's 1000 ImageNet logits, for choosing the merge rule offline. */
export async function viewLogits(model: tf.GraphModel, bytes: ArrayBuffer): Promise<{ views: Rect[]; logits: number[][] }> {
  const { views, input } = await viewsOfBytes(bytes);
  const out = tf.tidy(() => model.predict(tf.tensor4d(input, [views.length, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE, 3])) as tf.Tensor2D);
  const rows = (await out.array()) as number[][];
  out.dispose();
  return { views, logits: rows.map((row) => Array.from(imagenetLogits(Float32Array.from(row)))) };
}


const SIDE = MODEL_INPUT_SIZE;

/**
 * The deletion test on the picture's first view (the centre crop for ordinary photos): blank
 * (mid grey) the hottest 20 % of the view by the method's map, a random 20 % (one square
 * placed at random) and a random 20 % of 32-pixel cells, and read the top-1 class's probability.
 */
export async function deletionTest(model: tf.GraphModel, bytes: ArrayBuffer, method: ExplainMethod, seed: number): Promise<DeletionResult> {
  const { input } = await viewsOfBytes(bytes);
  const view = input.subarray(0, SIDE * SIDE * 3);
  const probabilities = async (pixels: Float32Array): Promise<Float64Array> => {
    const out = tf.tidy(() => model.predict(tf.tensor4d(pixels, [1, SIDE, SIDE, 3])) as tf.Tensor);
    const values = (await out.data()) as Float32Array;
    out.dispose();
    return softmax(imagenetLogits(values));
  };
  const predictStarted = performance.now();
  const p = await probabilities(view);
  const predictMs = performance.now() - predictStarted;
  const classIndex = p.indexOf(Math.max(...p));
  const logitIndex = classIndex + 1;
  const started = performance.now();
  let map: Float32Array;
  let side: number;
  try {
    if (method === 'grad-cam') {
      const batch = tf.tensor4d(view, [1, SIDE, SIDE, 3]);
      const cam = await gradCam(model, batch, () => logitIndex).finally(() => batch.dispose());
      map = cam.maps[0]!;
      side = cam.side;
    } else if (method === 'occlusion') {
      const one = tf.tensor3d(view, [SIDE, SIDE, 3]);
      map = await occlusion(model, one, logitIndex).finally(() => one.dispose());
      side = OCCLUSION_GRID;
    } else {
      ({ map, side } = await smoothGrad(model, view, logitIndex));
    }
  } catch (error) {
    return { method, classIndex, p: p[classIndex]!, pHot: NaN, pRandom: NaN, pRandomCells: NaN, ms: performance.now() - started, predictMs, error: String(error) };
  }
  const ms = performance.now() - started;
  let state = (seed * 2654435761) >>> 0;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const blank = (mask: Uint8Array) => {
    const copy = view.slice();
    for (let i = 0; i < mask.length; i++) if (mask[i]) copy.fill(0.5, i * 3, i * 3 + 3);
    return copy;
  };
  const pHot = (await probabilities(blank(hottestMask(map, side, SIDE, 0.2))))[classIndex]!;
  const pRandom = (await probabilities(blank(randomSquareMask(SIDE, 0.2, random))))[classIndex]!;
  const pRandomCells = (await probabilities(blank(randomCellMask(SIDE, 7, 0.2, random))))[classIndex]!;
  return { method, classIndex, p: p[classIndex]!, pHot, pRandom, pRandomCells, ms, predictMs };
}

/** SmoothGrad: input gradients averaged over noisy copies, at a 28x28 grid (|gradient| summed per cell). */
async function smoothGrad(model: tf.GraphModel, view: Float32Array, logitIndex: number): Promise<{ map: Float32Array; side: number }> {
  const samples = 8;
  const cells = 28;
  // The engine never trains: the gradients' definitions load only for this measurement.
  await import('@tensorflow/tfjs-core/dist/register_all_gradients');
  const grid = tf.tidy(() => {
    const x = tf.tensor4d(view, [1, SIDE, SIDE, 3]);
    const noisy = x.add(tf.randomNormal([samples, SIDE, SIDE, 3], 0, 0.15)) as tf.Tensor4D;
    const score = (input: tf.Tensor) => (model.predict(input) as tf.Tensor2D).slice([0, logitIndex], [samples, 1]).sum();
    const gradient = tf.grad(score)(noisy);
    return tf.avgPool(gradient.abs().sum(3, true).mean(0, true) as tf.Tensor4D, SIDE / cells, SIDE / cells, 'valid');
  });
  const map = (await grid.data()) as Float32Array;
  grid.dispose();
  return { map, side: cells };
}
