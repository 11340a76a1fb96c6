/**
 * Raster bytes -> an upright bitmap, in Firefox: createImageBitmap (how its ImageDecoder handles
 * EXIF orientation is not verified here; see decode-raster.ts for Chromium).
 */
export function decodeRaster(bytes: ArrayBuffer, type: string): Promise<ImageBitmap> {
  return createImageBitmap(new Blob([bytes], { type }), { imageOrientation: 'from-image', premultiplyAlpha: 'default' });
}
