/** Bytes -> what the model needs from an image, made without the model. */
import { cropOf } from '../shared/capture-crop';
import { fail, GlimpseFailure } from '../shared/errors';
import { sizeProblem } from '../shared/image-problem';
import type { Rect } from '../shared/geometry';
import type { ScreenArea } from '../shared/picture-source';
import type { ImageFormat } from '../shared/sniff';
import { viewsOf } from './crops';
import { decodeImage, type DecodedImage } from './decode';
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

/**
 * A picture whose views are made when its batch comes, or were made already: taken once (whoever
 * takes them closes the bitmap), or discarded.
 */
export interface LaterViews {
  take(): Promise<PreparedImage>;
  discard(): void;
}

/** Views already on their way (bytes sent ahead are decoded at once). */
export const viewsMade = (prepared: Promise<PreparedImage>): LaterViews => ({
  take: () => prepared,
  discard: () => void prepared.then((image) => image.bitmap.close(), () => undefined),
});

/** `format`: what the service worker's sniff of these bytes found (absent: they are inspected here). */
export async function prepareImage(bytes: ArrayBuffer, format?: ImageFormat): Promise<PreparedImage> {
  const started = performance.now();
  return prepareDecoded(await decodeImage(bytes, format), started);
}

/**
 * The picture in `area` of a capture of the tab (a page scan's screenful, decoded once for all
 * its pictures): the crop the service worker would have made of it (capture-crop.ts), without
 * encoding or decoding it.
 */
export async function prepareCrop(capture: ImageBitmap, area: ScreenArea): Promise<PreparedImage> {
  const started = performance.now();
  const crop = cropOf(area, capture);
  if (!crop) return fail('off-screen', { detail: 'the area is outside the visible tab' });
  // What the service worker checks of any bytes before they come here (spacer pixels, too many).
  const problem = sizeProblem(crop.width, crop.height);
  if (problem) throw new GlimpseFailure(problem);
  const { from } = crop;
  const resized = crop.width !== from.width || crop.height !== from.height;
  // Cut as it is (a copy of its pixels) unless it must shrink.
  const bitmap = await createImageBitmap(capture, from.left, from.top, from.width, from.height,
    resized ? { resizeWidth: crop.width, resizeHeight: crop.height, resizeQuality: 'high' } : {});
  return prepareDecoded({ bitmap, width: bitmap.width, height: bitmap.height }, started);
}

function prepareDecoded(image: DecodedImage, started: number): PreparedImage {
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
