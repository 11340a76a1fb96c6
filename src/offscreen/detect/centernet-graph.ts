/**
 * The CenterNet graph at any input size (docs/MODELS.md). The converted graph was frozen for a
 * 512x512 input: its three upsampling sizes are constants and its built-in decoding assumes a
 * 128x128 heat-map. The network itself is fully convolutional, so the input's declared shape is
 * opened up, the upsampling sizes are set for each run, and the heat-map is decoded here with the
 * graph's own steps (3x3 peaks, top 100, a box from the peak's cell and its four distances, stride 4).
 * Pure TF.js (no extension APIs): the unit tests run it on the real model.
 */
import * as tf from '../tfjs-parts';
import { openImageSides } from '../open-input';

const INPUT = 'tower_0/images';
const HEAT = 'tower_0/keypoints';
const DISTANCES = 'tower_0/wh';
/** The graph's upsampling sizes, from the coarsest (1/16 of the input) to the finest (1/4). */
const UPSAMPLE_SIZES = [
  'tower_0/CenternetHead/c5_upsample/up_sampling2d/mul',
  'tower_0/CenternetHead/c4_upsample/up_sampling2d_1/mul',
  'tower_0/CenternetHead/c3_upsample/up_sampling2d_2/mul',
];
const CLASSES = 80;
/** Heat-map cell size in input pixels. */
const CELL = 4;
const TOP = 100;

/** A box in input pixels. */
export interface Peak {
  box: [number, number, number, number];
  score: number;
  cocoIndex: number;
}

export async function loadCenterNet(artifacts: tf.io.ModelArtifacts): Promise<tf.GraphModel> {
  const graph = await tf.loadGraphModel(tf.io.fromMemory(openImageSides(artifacts, INPUT)));
  for (const name of UPSAMPLE_SIZES) if (!graph.weights[name]) throw new Error(`the detector has no ${name}`);
  return graph;
}

/** Runs the graph on `input` [1, H, W, 3] (H, W multiples of 32), its upsampling sizes set for it and then put back. */
function heatAndDistances(graph: tf.GraphModel, input: tf.Tensor): [tf.Tensor4D, tf.Tensor4D] {
  const [, height, width] = input.shape as number[];
  const frozen = UPSAMPLE_SIZES.map((name) => graph.weights[name]!);
  const sizes = UPSAMPLE_SIZES.map((_, i) => tf.tensor1d([(height! / 16) * 2 ** i, (width! / 16) * 2 ** i], 'int32'));
  try {
    // The graph reads its constants from this map on every (synchronous) run.
    UPSAMPLE_SIZES.forEach((name, i) => (graph.weights[name] = [sizes[i]!]));
    return graph.execute(input, [HEAT, DISTANCES]) as [tf.Tensor4D, tf.Tensor4D];
  } finally {
    UPSAMPLE_SIZES.forEach((name, i) => (graph.weights[name] = frozen[i]!));
    tf.dispose(sizes);
  }
}

/** The best peaks of the graph's answer for `input` [1, H, W, 3] (pixel values 0-255), best first, down to `minScore`. */
export async function detectPeaks(graph: tf.GraphModel, input: tf.Tensor, minScore: number): Promise<Peak[]> {
  const columns = input.shape[2]! / CELL;
  const top = tf.tidy(() => {
    const [heat, distances] = heatAndDistances(graph, input);
    const peaks = tf.mul(heat, tf.cast(tf.equal(heat, tf.maxPool(heat, 3, 1, 'same')), 'float32'));
    const { values, indices } = tf.topk(tf.reshape(peaks, [-1]), TOP);
    const cells = tf.floorDiv(indices, tf.scalar(CLASSES, 'int32'));
    return [values, indices, tf.gather(tf.reshape(distances, [-1, 4]), cells)];
  });
  let scores: Float32Array, indices: Int32Array, sides: Float32Array;
  try {
    [scores, indices, sides] = (await Promise.all(top.map((t) => t.data()))) as [Float32Array, Int32Array, Float32Array];
  } finally {
    tf.dispose(top);
  }
  const peaks: Peak[] = [];
  for (let k = 0; k < scores.length && scores[k]! >= minScore; k++) {
    const cell = Math.floor(indices[k]! / CLASSES);
    const x = (cell % columns) * CELL;
    const y = Math.floor(cell / columns) * CELL;
    peaks.push({
      box: [x - sides[4 * k]!, y - sides[4 * k + 1]!, x + sides[4 * k + 2]!, y + sides[4 * k + 3]!],
      score: scores[k]!,
      cocoIndex: indices[k]! % CLASSES,
    });
  }
  return peaks;
}
