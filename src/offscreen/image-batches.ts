/**
 * Images waiting for the model (a page scan, many right-clicks at once) go through it together, a
 * few per batch: one predict over N images costs less than N predicts. Callers see nothing of it:
 * each classify() still answers its own image, in order. Only images already waiting are batched;
 * none is ever held back to wait for company.
 */
import { neighbourCorrelation } from './structure';
import { notPhotoKind } from './picture-kind';
import { meanStats, pictureStats } from './picture-stats';
import type { Classification } from '../shared/types';
import type { LoadedModel } from './model';
import type { LaterViews, PreparedImage } from './prepare';
import { MODEL_INPUT_SIZE } from './preprocess';
import { answersWithExplanation } from './explain/answer';

/**
 * Most images per predict. Alone, the engine takes as long per image in a batch as one by one
 * (README "Benchmarks"); in a page scan, where it shares two cores with the page and the browser,
 * batches of 6 labelled 24 photos about a tenth sooner than batches of 4, and 8 no sooner than 6
 * with more memory (the WASM heap grows to the largest batch: about 25 and 40 MB more than with 4).
 * docs/SPEED.md.
 */
export const MAX_BATCH = 6;

export interface WaitingImage {
  /** The image's views, made (bytes decoded, a capture cut) when its batch comes, unless they were already. */
  views: LaterViews;
  /** Images are batched only with others bound for the same model. */
  group: string;
  outcome?: { image: PreparedImage; result: Classification } | { error: unknown };
}

const round = (ms: number) => Math.round(ms * 10) / 10;

export class ImageBatches {
  private readonly waiting: WaitingImage[] = [];
  /** Model runs so far (one per batch). */
  runs = 0;

  add(image: Omit<WaitingImage, 'outcome'>): WaitingImage {
    const waiting: WaitingImage = { ...image };
    this.waiting.push(waiting);
    return waiting;
  }

  /** Forgets an image that will not be run (its request was refused). */
  drop(image: WaitingImage): void {
    const at = this.waiting.indexOf(image);
    if (at >= 0) this.waiting.splice(at, 1);
  }

  /**
   * Gives `first` its outcome, with up to MAX_BATCH - 1 of the images waiting behind it (same
   * group) in the same predict. The caller closes each outcome's bitmap.
   */
  async run(model: LoadedModel, first: WaitingImage): Promise<void> {
    if (first.outcome) return;
    this.drop(first);
    const batch = [first];
    for (const next of [...this.waiting]) {
      if (batch.length >= MAX_BATCH) break;
      if (next.group !== first.group) break;
      this.drop(next);
      batch.push(next);
    }
    const prepared: { waiting: WaitingImage; image: PreparedImage }[] = [];
    for (const waiting of batch) {
      try {
        prepared.push({ waiting, image: await waiting.views.take() });
      } catch (error) {
        waiting.outcome = { error };
      }
    }
    if (prepared.length === 0) return;
    try {
      this.runs++;
      const results = await classifyPrepared(model, prepared.map(({ image }) => image));
      prepared.forEach(({ waiting, image }, i) => {
        waiting.outcome = { image, result: results[i]! };
      });
    } catch (error) {
      for (const { waiting, image } of prepared) {
        image.bitmap.close();
        waiting.outcome = { error };
      }
    }
  }
}

/**
 * Runs prepared images (all their views) through the model in one forward pass: each one's
 * merged answer and where it looked (thumbnails are left to the caller). In a batch each image
 * is charged its share of the model's time.
 */
export async function classifyPrepared(model: LoadedModel, images: readonly PreparedImage[]): Promise<Classification[]> {
  const inferStarted = performance.now();
  const answers = await answersWithExplanation(model, images);
  const inferenceMs = (performance.now() - inferStarted) / images.length;
  return images.map((image, i) => {
    const stats = meanStats(image.inputs.map((input) => pictureStats(input, MODEL_INPUT_SIZE)));
    // Any view with structure makes a picture (a banner's background views may be plain or grain).
    const structure = Math.round(Math.max(...image.inputs.map((input) => neighbourCorrelation(input, MODEL_INPUT_SIZE))) * 1000) / 1000;
    const notPhoto = notPhotoKind(stats, answers[i]!.predictions, structure);
    return {
      predictions: answers[i]!.predictions,
      explanation: answers[i]!.explanation,
      backend: model.backend,
      inferenceMs: round(inferenceMs),
      totalMs: round(image.prepareMs + inferenceMs),
      width: image.width,
      height: image.height,
      thumbnail: '',
      structure,
      pictureStats: stats,
      ...(notPhoto ? { notPhoto } : {}),
    };
  });
}
