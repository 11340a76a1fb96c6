/** Bytes -> what the model needs from an image, made without the model. */
import type { Rect } from '../shared/geometry';
import type { ImageFormat } from '../shared/sniff';
import { viewsOf } from './crops';
import { decodeImage } from './decode';
import type { Picture } from './picture';
import { modelInputPixels, toModelInput } from './preprocess';

export interface PreparedImage {
  /** One input per view: RGB in [0, 1], 224x224, what the model takes. */
  inputs: Float32Array[];
  /** The square regions the inputs show, in the decoded picture's pixels (see crops.ts). */
  views: Rect[];
  /** The decoded picture's size, which `views` refer to (an SVG's raster may differ from its declared size). */
  pixelWidth: number;
  pixelHeight: number;
  /** The decoded picture, for its thumbnail; whoever takes the PreparedImage closes it. */
  picture: Picture;
  width: number;
  height: number;
  prepareMs: number;
}

/** `format`: what the service worker's sniff of these bytes found (absent: they are inspected here). */
export async function prepareImage(bytes: ArrayBuffer, format?: ImageFormat): Promise<PreparedImage> {
  const started = performance.now();
  const image = await decodeImage(bytes, format);
  const { picture } = image;
  try {
    const views = viewsOf(picture.width, picture.height);
    return {
      inputs: views.map((view) => toModelInput(modelInputPixels(picture, view))),
      views,
      pixelWidth: picture.width,
      pixelHeight: picture.height,
      picture,
      width: image.width,
      height: image.height,
      prepareMs: performance.now() - started,
    };
  } catch (error) {
    picture.close();
    throw error;
  }
}
