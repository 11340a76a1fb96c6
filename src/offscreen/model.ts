/** The loaded MobileNetV2 on one backend: runs prepared inputs, one or many at a time. */
import type { Backend } from '../shared/types';
import { loadMobileNetGraph } from './mobilenet-adapter';
import { imagenetLogits, MODEL_INPUT_SIZE } from './preprocess';
import { activateBackend, tf } from './tfjs';

/** Floats per prepared input of `side` x `side` RGB in [0, 1], as `toModelInput` makes them. */
const inputLength = (side: number) => side * side * 3;

export class LoadedModel {
  private constructor(
    readonly backend: Backend,
    /** The graph itself, for what needs more than logits (the explanation reads an inner layer). */
    readonly graph: tf.GraphModel,
  ) {}

  /** Activates `backend` and loads the model on it; undefined when either fails. */
  static async load(backend: Backend, artifacts: tf.io.ModelArtifacts): Promise<LoadedModel | undefined> {
    if (!(await activateBackend(backend))) return undefined;
    try {
      return new LoadedModel(backend, await loadMobileNetGraph(artifacts));
    } catch (error) {
      console.warn(`[glimpse] the model failed to load on ${backend}`, error);
      return undefined;
    }
  }

  /**
   * Runs N prepared inputs of `side` x `side` (224 unless named: the size the model was trained at)
   * through the model as one batch and returns each one's 1000 ImageNet logits, in order. Every
   * tensor made here is disposed before it returns.
   */
  async logits(inputs: readonly Float32Array[], side = MODEL_INPUT_SIZE): Promise<Float32Array[]> {
    if (inputs.length === 0) return [];
    const length = inputLength(side);
    for (const input of inputs) {
      if (input.length !== length) throw new RangeError(`a ${side}x${side} model input holds ${length} floats, not ${input.length}`);
    }
    const output = tf.tidy(() => this.graph.predict(batchTensor(inputs, side)) as tf.Tensor);
    let values: Float32Array;
    try {
      values = (await output.data()) as Float32Array;
    } finally {
      output.dispose();
    }
    const perImage = values.length / inputs.length;
    return inputs.map((_, i) => imagenetLogits(values.subarray(i * perImage, (i + 1) * perImage)));
  }


  dispose(): void {
    this.graph.dispose();
  }
}

/**
 * Inputs of `side` x `side` as one [N, side, side, 3] tensor (call inside tf.tidy), stacked in the
 * backend's own memory: a batch of six is 3.6 MB that JavaScript need not allocate and copy first.
 */
export function batchTensor(inputs: readonly Float32Array[], side = MODEL_INPUT_SIZE): tf.Tensor4D {
  const one = (input: Float32Array) => tf.tensor4d(input, [1, side, side, 3]);
  return inputs.length === 1 ? one(inputs[0]!) : tf.concat(inputs.map(one), 0);
}

