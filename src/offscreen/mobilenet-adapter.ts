/**
 * The one place that relies on @tensorflow-models/mobilenet's internals. The library loads the
 * model and owns its contract (version, alpha, input range); Glimpse then feeds the GraphModel it
 * keeps in its private `model` field directly: the library's infer() would add a cast, a rescale,
 * a reshape and a slice per image (about 7 ms on WASM) for nothing Glimpse's own preprocessing
 * has not already done. tests/unit/mobilenet-adapter.test.ts fails if a library update moves it.
 */
import * as mobilenet from '@tensorflow-models/mobilenet';
import * as tf from './tfjs-parts';
import { openImageSides } from './open-input';

/** What the library keeps the loaded graph under (private, hence this adapter). */
export const GRAPH_FIELD = 'model';

/** The library's MobileNet minus its wrapper: the GraphModel that takes RGB in [0, 1] (the graph maps it to [-1, 1]). */
export function graphOf(net: mobilenet.MobileNet): tf.GraphModel {
  const graph = (net as unknown as Record<string, unknown>)[GRAPH_FIELD];
  if (!(graph instanceof tf.GraphModel)) {
    throw new Error(`@tensorflow-models/mobilenet no longer keeps its GraphModel in "${GRAPH_FIELD}": update mobilenet-adapter.ts`);
  }
  return graph;
}

/** The graph's image input. */
const INPUT = 'images';

/**
 * Loads MobileNetV2 1.0/224 from artifacts already in memory, through the library (which also runs
 * one prediction on zeros: that compiles the backend's kernels, so no other warm-up predict is needed).
 * Its input's sides are left open: crops for detection run smaller than 224 (model.ts).
 */
export async function loadMobileNetGraph(artifacts: tf.io.ModelArtifacts): Promise<tf.GraphModel> {
  const net = await mobilenet.load({ version: 2, alpha: 1.0, inputRange: [0, 1], modelUrl: tf.io.fromMemory(openImageSides(artifacts, INPUT)) });
  return graphOf(net);
}
