/** The loaded MobileNetV2 on one backend: runs prepared inputs, one or many at a time. */
import type { Backend } from '../shared/types';
import { loadMobileNetGraph } from './mobilenet-adapter';
import { imagenetLogits, MODEL_INPUT_SIZE } from './preprocess';
import { activateBackend, tf } from './tfjs';

/** Floats per prepared input: 224x224 RGB in [0, 1], as `toModelInput` makes them. */
export const INPUT_LENGTH = MODEL_INPUT_SIZE * MODEL_INPUT_SIZE * 3;

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
   * Runs N prepared inputs through the model as one batch and returns each one's 1000 ImageNet
   * logits, in order. Every tensor made here is disposed before it returns.
   */
  async logits(inputs: readonly Float32Array[]): Promise<Float32Array[]> {
    if (inputs.length === 0) return [];
    for (const input of inputs) {
      if (input.length !== INPUT_LENGTH) throw new RangeError(`a model input holds ${INPUT_LENGTH} floats, not ${input.length}`);
    }
    const output = tf.tidy(() => {
      const batch = inputs.length === 1 ? inputs[0]! : concatenate(inputs);
      return this.graph.predict(tf.tensor4d(batch, [inputs.length, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE, 3])) as tf.Tensor;
    });
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

function concatenate(inputs: readonly Float32Array[]): Float32Array {
  const all = new Float32Array(inputs.length * INPUT_LENGTH);
  inputs.forEach((input, i) => all.set(input, i * INPUT_LENGTH));
  return all;
}

