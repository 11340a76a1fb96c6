/** Bytes -> what the model needs from an image, made without the model. */
import type { Rect } from '../shared/geometry';
import type { ImageFormat } from '../shared/sniff';
import { viewsOf } from './crops';
import { decodeImage } from './decode';
import { modelInputPixels, toModelInput } from './preprocess';

export interface PreparedImage {
  /** One input per view: RGB in [0, 1], 224x224, what the model takes. */
  inputs: Float32Array[];
  /** The square regions the inputs show, in the decoded bitmap's pixels (see crops.ts). */
  views: Rect[];
  /** The decoded bitmap's size, which `views` refer to (an SVG's raster may differ from its declared size). */
  pixelWidth: number;
  pixelHeight: number;
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
  const { bitmap } = image;
  try {
    const views = viewsOf(bitmap.width, bitmap.height);
    return {
      inputs: views.map((view) => toModelInput(modelInputPixels(bitmap, view))),
      views,
      pixelWidth: bitmap.width,
      pixelHeight: bitmap.height,
      bitmap,
      width: image.width,
      height: image.height,
      prepareMs: performance.now() - started,
    };
  } catch (error) {
    bitmap.close();
    throw error;
  }
}
