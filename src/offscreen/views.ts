import type { Rect } from '../shared/geometry';
import { MODEL_INPUT_SIZE, toModelInput } from './preprocess';

/**
 * The model's input for each view: the region resampled to 224x224 with the browser's
 * high-quality filter, on white (as the single centre crop always was), concatenated into one
 * n x 224 x 224 x 3 batch in [0, 1].
 */
export function viewInputs(bitmap: ImageBitmap, views: Rect[]): Float32Array {
  const canvas = new OffscreenCanvas(MODEL_INPUT_SIZE, MODEL_INPUT_SIZE);
  const context = canvas.getContext('2d', { willReadFrequently: true, alpha: false });
  if (!context) throw new Error('no 2D canvas context');
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  const one = MODEL_INPUT_SIZE * MODEL_INPUT_SIZE * 3;
  const out = new Float32Array(one * views.length);
  views.forEach((view, i) => {
    context.fillStyle = '#fff';
    context.fillRect(0, 0, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE);
    context.drawImage(bitmap, view.x, view.y, view.width, view.height, 0, 0, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE);
    out.set(toModelInput(context.getImageData(0, 0, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE)), i * one);
  });
  return out;
}
