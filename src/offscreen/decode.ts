import { fail } from '../shared/errors';
import { LIMITS } from '../shared/limits';
import { sniffImage } from '../shared/sniff';

/** Vector images have no pixel size of their own worth trusting: they are drawn this big at most. */
const SVG_RASTER_SIZE = 1024;

export interface DecodedImage {
  bitmap: ImageBitmap;
  /** The image's own size (for SVG: its declared or drawn size). */
  width: number;
  height: number;
}

function checkPixels(width: number, height: number): void {
  if (width * height > LIMITS.maxDecodedPixels) fail('too-many-pixels', { detail: `${width}x${height}` });
}

function loadSvg(blob: Blob): Promise<HTMLImageElement> {
  // An <img> renders SVG in "image mode": no scripts run and no external resources load.
  // decode() never settles in an offscreen document, so wait for load/error events instead.
  const url = URL.createObjectURL(blob);
  const img = new Image();
  return new Promise<HTMLImageElement>((resolve, reject) => {
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the SVG could not be rendered'));
    img.src = url;
  }).finally(() => URL.revokeObjectURL(url));
}

async function decodeSvg(blob: Blob): Promise<DecodedImage> {
  let img: HTMLImageElement;
  try {
    img = await loadSvg(blob);
  } catch (error) {
    return fail('corrupt', { detail: String(error) });
  }
  const declaredWidth = img.naturalWidth || SVG_RASTER_SIZE;
  const declaredHeight = img.naturalHeight || SVG_RASTER_SIZE;
  // Vectors draw sharply at any size: draw them with the longer side at SVG_RASTER_SIZE.
  const scale = SVG_RASTER_SIZE / Math.max(declaredWidth, declaredHeight);
  const size = { width: Math.max(1, Math.round(declaredWidth * scale)), height: Math.max(1, Math.round(declaredHeight * scale)) };
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext('2d');
  if (!context) return fail('internal', { detail: 'no 2D context' });
  context.drawImage(img, 0, 0, size.width, size.height);
  return { bitmap: await createImageBitmap(canvas), width: declaredWidth, height: declaredHeight };
}

/**
 * Decodes image bytes, whatever the server said they were: the bytes' own signature decides.
 * Bitmaps follow EXIF orientation; animations give their first frame.
 */
export async function decodeImage(bytes: ArrayBuffer): Promise<DecodedImage> {
  if (bytes.byteLength === 0) return fail('empty');
  if (bytes.byteLength > LIMITS.maxImageBytes) return fail('too-large', { detail: `${bytes.byteLength} bytes` });
  const sniffed = sniffImage(bytes);
  if (!sniffed) return fail('not-an-image');
  if (sniffed.width !== undefined && sniffed.height !== undefined) checkPixels(sniffed.width, sniffed.height);
  const blob = new Blob([bytes], { type: sniffed.mimeType });
  if (sniffed.format === 'svg') return decodeSvg(blob);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(blob, { imageOrientation: 'from-image', premultiplyAlpha: 'default' });
  } catch (error) {
    return fail('corrupt', { detail: `${sniffed.format}: ${String(error)}` });
  }
  if (bitmap.width * bitmap.height > LIMITS.maxDecodedPixels) {
    bitmap.close();
    checkPixels(bitmap.width, bitmap.height);
  }
  return { bitmap, width: bitmap.width, height: bitmap.height };
}
