import { centreCropRegion, fitWithin, type Rect } from '../shared/geometry';
import { LIMITS } from '../shared/limits';

export const MODEL_INPUT_SIZE = 224;

function context2d(canvas: OffscreenCanvas): OffscreenCanvasRenderingContext2D {
  const context = canvas.getContext('2d', { willReadFrequently: true, alpha: false });
  if (!context) throw new Error('no 2D canvas context');
  return context;
}

/** One canvas for every model input (drawn and read synchronously, so never shared in flight). */
let inputCanvas: OffscreenCanvasRenderingContext2D | undefined;

function inputContext(): OffscreenCanvasRenderingContext2D {
  inputCanvas ??= context2d(new OffscreenCanvas(MODEL_INPUT_SIZE, MODEL_INPUT_SIZE));
  return inputCanvas;
}

/**
 * The model's view of an image: a square region, by default the standard ImageNet evaluation
 * crop (shorter side to 256, centred 224 square), downscaled with the browser's high-quality
 * (mipmapped, filtered) resampler and composited on white. Returns `side` x `side` RGBA pixels
 * (224 unless named; at most 224).
 */
export function modelInputPixels(bitmap: ImageBitmap, crop: Rect = centreCropRegion(bitmap.width, bitmap.height), side = MODEL_INPUT_SIZE): ImageData {
  if (side > MODEL_INPUT_SIZE) throw new RangeError(`a model input is at most ${MODEL_INPUT_SIZE} pixels square`);
  const context = inputContext();
  context.fillStyle = '#fff';
  context.fillRect(0, 0, side, side);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, crop.x, crop.y, crop.width, crop.height, 0, 0, side, side);
  return context.getImageData(0, 0, side, side);
}

/** RGBA bytes -> RGB floats in [0, 1], the model's input range (the graph maps it to [-1, 1]). */
export function toModelInput(pixels: { data: ArrayLike<number>; width: number; height: number }): Float32Array {
  const { data } = pixels;
  const count = pixels.width * pixels.height;
  const out = new Float32Array(count * 3);
  const scale = 1 / 255;
  for (let i = 0, j = 0, end = count * 4; i < end; i += 4, j += 3) {
    out[j] = data[i]! * scale;
    out[j + 1] = data[i + 1]! * scale;
    out[j + 2] = data[i + 2]! * scale;
  }
  return out;
}

/** The model's 1001 outputs start with an unused "background" class: the 1000 ImageNet classes follow. */
export const imagenetLogits = (logits: Float32Array): Float32Array => logits.subarray(logits.length - 1000);

/**
 * A small JPEG of the whole image for history (about 5-15 KB). Encoded with a DOM canvas's
 * synchronous toDataURL: OffscreenCanvas.convertToBlob waits about a second for a frame that
 * a hidden (offscreen) document only gets once a second.
 */
export function thumbnailDataUrl(bitmap: ImageBitmap, longestSide = LIMITS.thumbnailSize * 2): string {
  const size = fitWithin(bitmap.width, bitmap.height, longestSide);
  const canvas = document.createElement('canvas');
  canvas.width = size.width;
  canvas.height = size.height;
  const context = canvas.getContext('2d', { alpha: false });
  if (!context) throw new Error('no 2D canvas context');
  context.fillStyle = '#fff';
  context.fillRect(0, 0, size.width, size.height);
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, size.width, size.height);
  return canvas.toDataURL('image/jpeg', 0.8);
}
