import type { GlimpseError } from './errors';
import { LIMITS } from './limits';
import { sniffImage, type SniffedImage } from './sniff';
import { isTruncated } from './truncation';

/** What is wrong with a picture of this many pixels: too many to decode, none, or too few to recognise anything. */
export function sizeProblem(width: number, height: number, detail = `${width}x${height}`): GlimpseError | undefined {
  if (width * height > LIMITS.maxDecodedPixels) return { code: 'too-many-pixels', detail };
  if (width === 0 || height === 0) return { code: 'corrupt', detail };
  if (Math.min(width, height) < LIMITS.minImageSide) return { code: 'too-small', detail };
  return undefined;
}

/**
 * Everything the bytes alone say against identifying them, cheapest first: nothing there, too
 * many bytes, not an image, a header claiming too many (or too few) pixels, a cut-off file.
 * Both the service worker (before sending bytes on) and the engine (before decoding) ask.
 */
export function imageProblem(buffer: ArrayBuffer): GlimpseError | undefined {
  return inspectImage(buffer).problem;
}

/** One sniff of the bytes for both questions: what image they are, and what (if anything) rules them out. */
export function inspectImage(buffer: ArrayBuffer): { image: SniffedImage; problem?: undefined } | { image?: undefined; problem: GlimpseError } {
  if (buffer.byteLength === 0) return { problem: { code: 'empty' } };
  if (buffer.byteLength > LIMITS.maxImageBytes) return { problem: { code: 'too-large', detail: `${buffer.byteLength} bytes` } };
  const sniffed = sniffImage(buffer);
  if (!sniffed) return { problem: { code: 'not-an-image' } };
  const { format, width, height } = sniffed;
  if (width !== undefined && height !== undefined && format !== 'svg') {
    const problem = sizeProblem(width, height, `${format} ${width}x${height}`);
    if (problem) return { problem };
  }
  if (isTruncated(buffer, format)) return { problem: { code: 'corrupt', detail: `${format}: the file ends before the image does` } };
  return { image: sniffed };
}
