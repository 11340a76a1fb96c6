/**
 * Raster bytes -> an upright picture, in Firefox: createImageBitmap (its ImageDecoder's handling
 * of EXIF orientation is not verified here; see decode-raster.ts for Chromium).
 */
import { pictureOfBitmap, type Picture } from './picture';

export async function decodeRaster(bytes: ArrayBuffer, type: string): Promise<Picture> {
  return pictureOfBitmap(await createImageBitmap(new Blob([bytes], { type }), { imageOrientation: 'from-image', premultiplyAlpha: 'default' }));
}
