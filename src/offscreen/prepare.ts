/** Bytes -> what the model needs from an image, made without the model. */
import type { ImageFormat } from '../shared/sniff';
import { decodeImage } from './decode';
import { modelInputPixels, toModelInput } from './preprocess';

export interface PreparedImage {
  /** RGB in [0, 1], 224x224, what the model takes. */
  input: Float32Array;
  /** The decoded picture, for its thumbnail; whoever takes the PreparedImage closes it. */
  bitmap: ImageBitmap;
  width: number;
  height: number;
  prepareMs: number;
}

/** `format`: what the service worker's sniff of these bytes found (absent: they are inspected here). */
export async function prepareImage(bytes: ArrayBuffer, format?: ImageFormat): Promise<PreparedImage> {
  const started = performance.now();
  const image = await decodeImage(bytes, format);
  try {
    return {
      input: toModelInput(modelInputPixels(image.bitmap)),
      bitmap: image.bitmap,
      width: image.width,
      height: image.height,
      prepareMs: performance.now() - started,
    };
  } catch (error) {
    image.bitmap.close();
    throw error;
  }
}
