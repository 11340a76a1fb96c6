/**
 * The engine's side of the class's own models: answering with them, embedding a picture to teach
 * it, importing and forgetting Teachable Machine models. Everything runs in the engine's turn.
 */
import type { ImportOutcome, ModelRequest } from '../../shared/custom-models';
import { toGlimpseError } from '../../shared/errors';
import type { ImageFormat } from '../../shared/sniff';
import type { Classification, EngineOptions } from '../../shared/types';
import type { LateThumbnails } from '../late-thumbnails';
import { thumbnailDataUrl } from '../preprocess';
import { classifyCustom, embedBytes, type WithModel } from './custom-answers';
import { ImportRefused } from './teachable-files';
import { importTeachable, removeTeachable } from './teachable-model';

/** Side of a taught example's thumbnail (the popup shows them at 40 CSS px). */
const EXAMPLE_THUMBNAIL = 80;

export class CustomEngine {
  constructor(
    private readonly withModel: WithModel,
    private readonly thumbnails: LateThumbnails,
  ) {}

  async classify(
    bytes: ArrayBuffer, options: EngineOptions, request: Exclude<ModelRequest, { kind: 'imagenet' }>,
    { format, jobId }: { format?: ImageFormat; jobId?: string },
  ): Promise<Classification> {
    const { result, bitmap } = await classifyCustom(this.withModel, bytes, options, request, format);
    if (jobId !== undefined) {
      this.thumbnails.keep(jobId, bitmap);
      return result;
    }
    try {
      return { ...result, thumbnail: thumbnailDataUrl(bitmap) };
    } finally {
      bitmap.close();
    }
  }

  /** A picture's embedding (float32, EMBEDDING_LENGTH) and a small thumbnail of it. */
  async embed(bytes: ArrayBuffer, options: EngineOptions, format?: ImageFormat): Promise<{ embedding: ArrayBuffer; thumbnail: string }> {
    const { embedding, bitmap } = await embedBytes(this.withModel, bytes, options, format);
    try {
      return { embedding: embedding.slice().buffer, thumbnail: thumbnailDataUrl(bitmap, EXAMPLE_THUMBNAIL) };
    } finally {
      bitmap.close();
    }
  }

  /** Checks and keeps a Teachable Machine export; a refusal says why, and nothing kept changes. */
  importModel(options: EngineOptions, files: { modelJson: string; weights: ArrayBuffer; metadata: string }): Promise<ImportOutcome> {
    return this.withModel(options, async () => {
      try {
        return { ok: true as const, model: await importTeachable(files.modelJson, files.weights, files.metadata) };
      } catch (error) {
        if (error instanceof ImportRefused) return { ok: false as const, reason: error.reason, detail: error.message };
        return { ok: false as const, reason: 'engine' as const, detail: toGlimpseError(error).detail };
      }
    });
  }

  removeModel(options: EngineOptions, id: string): Promise<void> {
    return this.withModel(options, () => removeTeachable(id));
  }
}
