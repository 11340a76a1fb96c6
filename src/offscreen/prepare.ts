/** Bytes -> everything the model and history need from an image, made without the model. */
import { decodeImage } from './decode';
import { modelInputPixels, thumbnailDataUrl, toModelInput } from './preprocess';

export interface PreparedImage {
  /** RGB in [0, 1], 224x224, what the model takes. */
  input: Float32Array;
  thumbnail: string;
  width: number;
  height: number;
  prepareMs: number;
}

export async function prepareImage(bytes: ArrayBuffer): Promise<PreparedImage> {
  const started = performance.now();
  const image = await decodeImage(bytes);
  try {
    return {
      input: toModelInput(modelInputPixels(image.bitmap)),
      thumbnail: thumbnailDataUrl(image.bitmap),
      width: image.width,
      height: image.height,
      prepareMs: performance.now() - started,
    };
  } finally {
    image.bitmap.close();
  }
}
