/**
 * Answers with the class's own models (custom-models.ts): an imported Teachable Machine model, or
 * the taught classes (MobileNetV2 embedding + nearest examples). Runs in the engine's turn, so
 * the backend is ready and nothing else uses the model meanwhile.
 */
import type { AnswerModel, ModelRequest } from '../../shared/custom-models';
import { neighbourCorrelation } from '../structure';
import type { Classification, EngineOptions, Prediction } from '../../shared/types';
import type { LoadedModel } from '../model';
import { prepareImage, type PreparedImage } from '../prepare';
import { MODEL_INPUT_SIZE } from '../preprocess';
import type { ImageFormat } from '../../shared/sniff';
import { embedPrepared } from './embed';
import { knnClassify, type TaughtClassVectors } from './knn';
import { predictTeachable } from './teachable-model';
import { EMBEDDING_LENGTH } from '../../shared/custom-models';

type CustomRequest = Exclude<ModelRequest, { kind: 'imagenet' }>;
export type WithModel = <T>(options: EngineOptions, job: (model: LoadedModel) => Promise<T>) => Promise<T>;

const round = (ms: number) => Math.round(ms * 10) / 10;
const TOP = 5;

const predictionsOf = (ranked: { name: string; confidence: number }[]): Prediction[] =>
  ranked.slice(0, TOP).map(({ name, confidence }) => ({ label: name, synonyms: [], classIndex: -1, probability: confidence }));

function vectorsOf(request: Extract<CustomRequest, { kind: 'taught' }>): TaughtClassVectors[] {
  return request.classes.map(({ name, embeddings }) => {
    const all = new Float32Array(embeddings);
    const count = Math.floor(all.length / EMBEDDING_LENGTH);
    return { name, vectors: Array.from({ length: count }, (_, i) => all.subarray(i * EMBEDDING_LENGTH, (i + 1) * EMBEDDING_LENGTH)) };
  });
}

async function rank(model: LoadedModel, request: CustomRequest, image: PreparedImage): Promise<Prediction[]> {
  if (request.kind === 'taught') {
    const { ranked } = knnClassify(await embedPrepared(model, image), vectorsOf(request));
    return predictionsOf(ranked);
  }
  const probabilities = await predictTeachable(request.id, request.imageSize, image.bitmap);
  return predictionsOf(request.labels.map((name, i) => ({ name, confidence: probabilities[i] ?? 0 })).sort((a, b) => b.confidence - a.confidence));
}

/** One picture's answer from `request`'s model; the caller owns (and closes) the returned bitmap. */
export async function classifyCustom(
  withModel: WithModel, bytes: ArrayBuffer, options: EngineOptions, request: CustomRequest, format?: ImageFormat,
): Promise<{ result: Classification; bitmap: ImageBitmap }> {
  return withModel(options, async (model) => {
    const image = await prepareImage(bytes, format);
    try {
      const started = performance.now();
      const predictions = await rank(model, request, image);
      const inferenceMs = performance.now() - started;
      const answerModel: AnswerModel = { kind: request.kind, name: request.name };
      const result: Classification = {
        predictions, backend: model.backend, inferenceMs: round(inferenceMs), totalMs: round(image.prepareMs + inferenceMs),
        width: image.width, height: image.height, thumbnail: '', model: answerModel,
        structure: Math.round(Math.max(...image.inputs.map((input) => neighbourCorrelation(input, MODEL_INPUT_SIZE))) * 1000) / 1000,
      };
      return { result, bitmap: image.bitmap };
    } catch (error) {
      image.bitmap.close();
      throw error;
    }
  });
}

/** A picture's embedding, for teaching it. */
export function embedBytes(withModel: WithModel, bytes: ArrayBuffer, options: EngineOptions, format?: ImageFormat) {
  return withModel(options, async (model) => {
    const image = await prepareImage(bytes, format);
    try {
      return { embedding: await embedPrepared(model, image), bitmap: image.bitmap };
    } catch (error) {
      image.bitmap.close();
      throw error;
    }
  });
}
