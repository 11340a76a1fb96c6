/**
 * One picture's answer from all its views, with the heat-map of where the model looked:
 * one forward pass over the batch of views gives the logits and the last block's activations
 * (Grad-CAM), the views are merged (merge.ts), and each view's map is laid on the picture.
 */
import type { Explanation, Prediction } from '../../shared/types';
import { batchTensor, type LoadedModel } from '../model';
import type { PreparedImage } from '../prepare';
import { MODEL_INPUT_SIZE } from '../preprocess';
import { rankProbabilities } from '../rank';
import { tf } from '../tfjs';
import { gradCam } from './grad-cam';
import { gridSize, normalise, paintViews, toBytes } from './heatmap';
import { contentFreePictures } from './content-free';
import { meanProbabilities, mergeViews } from './merge';

/** The graph's outputs start with an unused "background" class; ImageNet class c is logit c + 1. */
const IMAGENET_OFFSET = 1;

export interface Answer {
  predictions: Prediction[];
  explanation: Explanation;
}

/**
 * Pictures per predict when asking it. One: a picture that arrives meanwhile waits for one predict
 * at most, and WASM memory, which grows to the largest batch it ever ran and never shrinks, stays
 * as it was (measured with 4 at a time: 135 MB after 100 images against 99 MB).
 */
const CONTENT_FREE_BATCH = 1;

interface ContentFree {
  /** The pictures still to run, and the logits of those that ran. */
  pictures: Float32Array[];
  logits: Float32Array[];
  answer?: Float64Array;
}

const contentFree = new WeakMap<LoadedModel, ContentFree>();

/**
 * Runs the next picture of nothing through the model (in the engine's turn); true once the model's
 * mean answer for them is known. The engine asks a step per turn after the first answer, so the
 * first far-from-square picture need not wait for a dozen extra pictures through the model.
 */
export async function stepContentFree(model: LoadedModel): Promise<boolean> {
  let state = contentFree.get(model);
  if (!state) contentFree.set(model, (state = { pictures: contentFreePictures(MODEL_INPUT_SIZE), logits: [] }));
  if (!state.answer) {
    state.logits.push(...(await model.logits(state.pictures.slice(0, CONTENT_FREE_BATCH))));
    state.pictures.splice(0, CONTENT_FREE_BATCH);
    if (state.pictures.length === 0) {
      state.answer = meanProbabilities(state.logits);
      state.logits = [];
    }
  }
  return state.answer !== undefined;
}

/** The model's mean answer for pictures of nothing (content-free.ts), asked once per loaded model. */
async function contentFreeAnswer(model: LoadedModel): Promise<Float64Array> {
  while (!(await stepContentFree(model)));
  return contentFree.get(model)!.answer!;
}

/**
 * Several pictures at once (images waiting together, see image-batches.ts): all their views go
 * through ONE forward pass, each picture's views are merged on their own and each explains its
 * own top class.
 */
export async function answersWithExplanation(model: LoadedModel, images: readonly PreparedImage[]): Promise<Answer[]> {
  const inputs = images.flatMap((image) => image.inputs);
  const firstView: number[] = [];
  images.reduce((at, image) => (firstView.push(at), at + image.inputs.length), 0);
  const contentFree = images.some((image) => image.inputs.length > 1) ? await contentFreeAnswer(model) : undefined;
  const batch = tf.tidy(() => batchTensor(inputs));
  const merged: ReturnType<typeof mergeViews>[] = [];
  let cam: Awaited<ReturnType<typeof gradCam>>;
  try {
    cam = await gradCam(model.graph, batch, (logits) =>
      images.flatMap((image, n) => {
        const own = logits.slice(firstView[n]!, firstView[n]! + image.inputs.length);
        const views = mergeViews(own.map((row) => row.subarray(IMAGENET_OFFSET)), { contentFree: image.inputs.length > 1 ? contentFree : undefined });
        merged[n] = views;
        return own.map(() => argmax(views.probabilities) + IMAGENET_OFFSET);
      }),
    );
  } finally {
    batch.dispose();
  }
  return images.map((image, n) => {
    const { probabilities, weights } = merged[n]!;
    const predictions = rankProbabilities(probabilities);
    const grid = gridSize(image.pixelWidth, image.pixelHeight);
    const painted = paintViews(
      image.views.map((rect, i) => ({ rect, map: cam.maps[firstView[n]! + i]!, side: cam.side, weight: weights[i]! })),
      image.pixelWidth, image.pixelHeight, grid.width, grid.height,
    );
    return {
      predictions,
      explanation: {
        method: 'grad-cam' as const,
        classIndex: predictions[0]!.classIndex,
        width: grid.width,
        height: grid.height,
        cells: toBase64(toBytes(normalise(painted))),
      },
    };
  });
}

function argmax(values: ArrayLike<number>): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i]! > values[best]!) best = i;
  return best;
}

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
