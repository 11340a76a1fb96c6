/** Bytes -> everything the model and history need from an image, made without the model. */
import type { Rect } from '../shared/geometry';
import { viewsOf } from './crops';
import { decodeImage } from './decode';
import { modelInputPixels, thumbnailDataUrl, toModelInput } from './preprocess';

export interface PreparedImage {
  /** One input per view: RGB in [0, 1], 224x224, what the model takes. */
  inputs: Float32Array[];
  /** The square regions the inputs show, in the decoded bitmap's pixels (see crops.ts). */
  views: Rect[];
  /** The decoded bitmap's size, which `views` refer to (an SVG's raster may differ from its declared size). */
  pixelWidth: number;
  pixelHeight: number;
  thumbnail: string;
  width: number;
  height: number;
  prepareMs: number;
}

export async function prepareImage(bytes: ArrayBuffer): Promise<PreparedImage> {
  const started = performance.now();
  const image = await decodeImage(bytes);
  const { bitmap } = image;
  try {
    const views = viewsOf(bitmap.width, bitmap.height);
    return {
      inputs: views.map((view) => toModelInput(modelInputPixels(bitmap, view))),
      views,
      pixelWidth: bitmap.width,
      pixelHeight: bitmap.height,
      thumbnail: thumbnailDataUrl(bitmap),
      width: image.width,
      height: image.height,
      prepareMs: performance.now() - started,
    };
  } finally {
    bitmap.close();
  }
}
