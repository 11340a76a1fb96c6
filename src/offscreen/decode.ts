import { fail, GlimpseFailure } from '../shared/errors';
import { LIMITS } from '../shared/limits';
import { inspectImage, sizeProblem } from '../shared/image-problem';
import { MIME, type ImageFormat } from '../shared/sniff';
import { decodeRaster } from './decode-raster';

export interface DecodedImage {
  bitmap: ImageBitmap;
  /** The image's own size (for SVG: its declared or drawn size). */
  width: number;
  height: number;
}

/** The decoded size decides when the header did not state one (SVG, some AVIF). */
function checkPixels(width: number, height: number): void {
  const problem = sizeProblem(width, height);
  if (problem) throw new GlimpseFailure(problem);
}

function loadSvg(blob: Blob): Promise<HTMLImageElement> {
  // An <img> renders SVG in "image mode": no scripts run and no external resources load.
  // decode() never settles in an offscreen document, so wait for load/error events instead.
  const url = URL.createObjectURL(blob);
  const img = new Image();
  let timer: ReturnType<typeof setTimeout> | undefined;
  return new Promise<HTMLImageElement>((resolve, reject) => {
    img.onload = () => resolve(img);
    img.onerror = () => reject(new Error('the SVG could not be rendered'));
    timer = setTimeout(() => reject(new Error(`the SVG took over ${LIMITS.svgRenderTimeoutMs} ms to render`)), LIMITS.svgRenderTimeoutMs);
    img.src = url;
  }).finally(() => {
    clearTimeout(timer);
    URL.revokeObjectURL(url);
  });
}

/**
 * Parses an SVG (scripts never run in a parsed document) and drops what would stop Glimpse from
 * reading its pixels: <foreignObject> taints any canvas the SVG is drawn on, so an SVG holding
 * one could never be identified. Entity bombs and malformed XML fail to parse: 'corrupt'.
 */
async function cleanSvg(blob: Blob): Promise<Blob> {
  const doc = new DOMParser().parseFromString(await blob.text(), 'image/svg+xml');
  const root = doc.documentElement;
  if (doc.getElementsByTagName('parsererror').length > 0 || root.localName !== 'svg') {
    return fail('corrupt', { detail: 'the SVG is not well-formed XML' });
  }
  for (const element of [...doc.querySelectorAll('foreignObject, script')]) element.remove();
  return new Blob([new XMLSerializer().serializeToString(doc)], { type: 'image/svg+xml' });
}

async function decodeSvg(blob: Blob): Promise<DecodedImage> {
  let img: HTMLImageElement;
  try {
    img = await loadSvg(await cleanSvg(blob));
  } catch (error) {
    if (error instanceof GlimpseFailure) throw error;
    return fail('corrupt', { detail: String(error) });
  }
  const declaredWidth = img.naturalWidth || LIMITS.svgRasterSide;
  const declaredHeight = img.naturalHeight || LIMITS.svgRasterSide;
  // Vectors draw sharply at any size: draw them with the longer side at svgRasterSide, whatever they declare.
  const scale = LIMITS.svgRasterSide / Math.max(declaredWidth, declaredHeight);
  const size = { width: Math.max(1, Math.round(declaredWidth * scale)), height: Math.max(1, Math.round(declaredHeight * scale)) };
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext('2d');
  if (!context) return fail('internal', { detail: 'no 2D context' });
  try {
    context.drawImage(img, 0, 0, size.width, size.height);
    return { bitmap: await createImageBitmap(canvas), width: declaredWidth, height: declaredHeight };
  } catch (error) {
    // A canvas the SVG tainted after all: its pixels cannot be read.
    return fail('corrupt', { detail: `SVG: ${String(error)}` });
  }
}

function checkedFormat(bytes: ArrayBuffer): ImageFormat {
  const { image, problem } = inspectImage(bytes);
  if (problem) throw new GlimpseFailure(problem);
  return image.format;
}

/**
 * Decodes image bytes, whatever the server said they were: the bytes' own signature decides.
 * Bitmaps follow EXIF orientation; animations give their first frame. A header that claims too
 * many pixels is refused before decoding (a decompression bomb), and so is a file cut short
 * (see isTruncated); whatever gets past the header checks is measured again once decoded.
 * `inspected` is what the service worker's one sniff of these same bytes found (they are not
 * sniffed twice); without it they are inspected here.
 */
export async function decodeImage(bytes: ArrayBuffer, inspected?: ImageFormat): Promise<DecodedImage> {
  const format = inspected ?? checkedFormat(bytes);
  if (format === 'svg') return decodeSvg(new Blob([bytes], { type: MIME[format] }));
  let bitmap: ImageBitmap;
  try {
    bitmap = await decodeRaster(bytes, MIME[format]);
  } catch (error) {
    return fail('corrupt', { detail: `${format}: ${String(error)}` });
  }
  try {
    checkPixels(bitmap.width, bitmap.height);
  } catch (error) {
    bitmap.close();
    throw error;
  }
  return { bitmap, width: bitmap.width, height: bitmap.height };
}
