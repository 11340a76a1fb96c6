/**
 * Live frames (camera view, a playing video): raw RGBA pixels straight into the model, one view,
 * no decode, no thumbnail, no heat-map. What a frame costs is the model's time and little else.
 */
import { labelForClass } from '../shared/labels';
import { LIVE_TOP_K } from '../shared/live';
import { neighbourCorrelation } from './structure';
import type { FrameAnswer, RawFrame } from '../shared/types';
import type { LoadedModel } from './model';
import { MODEL_INPUT_SIZE, toModelInput } from './preprocess';
import { softmax, topK } from './topk';

const round = (ms: number) => Math.round(ms * 10) / 10;

let scaler: OffscreenCanvasRenderingContext2D | undefined;

/** A frame of another size, scaled (whole, no crop) to the model's square. */
function scaled({ pixels, width, height }: RawFrame): ImageData {
  const source = new OffscreenCanvas(width, height);
  source.getContext('2d')!.putImageData(new ImageData(new Uint8ClampedArray(pixels), width, height), 0, 0);
  scaler ??= new OffscreenCanvas(MODEL_INPUT_SIZE, MODEL_INPUT_SIZE).getContext('2d', { willReadFrequently: true })!;
  scaler.drawImage(source, 0, 0, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE);
  return scaler.getImageData(0, 0, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE);
}

/** The model's input for a frame: RGB in [0, 1], 224x224. */
export function frameInput(frame: RawFrame): Float32Array {
  const { pixels, width, height } = frame;
  if (!(width > 0 && height > 0 && pixels.byteLength === width * height * 4)) {
    throw new RangeError(`a ${width}x${height} RGBA frame holds ${width * height * 4} bytes, not ${pixels.byteLength}`);
  }
  if (width === MODEL_INPUT_SIZE && height === MODEL_INPUT_SIZE) return toModelInput({ data: new Uint8Array(pixels), width, height });
  return toModelInput(scaled(frame));
}

/** One frame through the loaded model (called in the engine's turn). */
export async function answerFrame(model: LoadedModel, frame: RawFrame): Promise<FrameAnswer> {
  const started = performance.now();
  const input = frameInput(frame);
  const inferStarted = performance.now();
  const [logits] = await model.logits([input]);
  const inferenceMs = performance.now() - inferStarted;
  const predictions = topK(softmax(logits!), LIVE_TOP_K).map(({ classIndex, probability }) => ({ ...labelForClass(classIndex), classIndex, probability }));
  return {
    predictions,
    structure: Math.round(neighbourCorrelation(input, MODEL_INPUT_SIZE) * 1000) / 1000,
    backend: model.backend,
    inferenceMs: round(inferenceMs),
    totalMs: round(performance.now() - started),
  };
}
