import { fail } from '../../shared/errors';
import { fitWithin } from '../../shared/geometry';
import { contextBmp } from '../../shared/rgba-bmp';
import type { ImageSource } from '../../shared/types';

/**
 * Pixels drawn by the page are handed over no bigger than this: the model looks at 224x224,
 * and a 4K canvas would only be slow to copy and to send.
 */
const MAX_SIDE = 1024;

type Drawable = HTMLCanvasElement | HTMLVideoElement | HTMLImageElement;

/**
 * Copies what a canvas, video frame or image shows into uncompressed image bytes (rgba-bmp.ts:
 * no encoding, sent as they are), on white as the engine would composite them. Pixels the page
 * may not read itself (a canvas or video "tainted" by another site's picture) fail as 'unreadable'.
 */
async function pixelsOf(source: Drawable, width: number, height: number, what: string): Promise<ImageSource> {
  if (!(width > 0 && height > 0)) return fail('unreadable', { detail: `${what} has no pixels yet` });
  const size = fitWithin(width, height, MAX_SIDE);
  const canvas = new OffscreenCanvas(size.width, size.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) return fail('internal', { detail: 'no 2D context' });
  context.imageSmoothingQuality = 'high';
  try {
    context.fillStyle = '#fff';
    context.fillRect(0, 0, size.width, size.height);
    context.drawImage(source, 0, 0, size.width, size.height);
    return { kind: 'bytes', bytes: contextBmp(context, size.width, size.height), mimeType: 'image/bmp' };
  } catch (error) {
    return fail('unreadable', { detail: `${what}: ${String(error)}` });
  }
}

export const readCanvas = (canvas: HTMLCanvasElement): Promise<ImageSource> =>
  pixelsOf(canvas, canvas.width, canvas.height, 'canvas');

/** The frame a video shows right now; before its first frame, its poster if it has one. */
export async function readVideoFrame(video: HTMLVideoElement): Promise<ImageSource> {
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) {
    if (video.poster) return { kind: 'url', url: video.poster };
    return fail('unreadable', { detail: 'the video has no frame yet' });
  }
  return pixelsOf(video, video.videoWidth, video.videoHeight, 'video frame');
}

/** What a loaded <img> shows, for when its address can no longer be read (a revoked blob: URL). */
export async function readImagePixels(img: HTMLImageElement): Promise<ImageSource> {
  if (!img.complete) return fail('unreadable', { detail: 'the image has not loaded' });
  return pixelsOf(img, img.naturalWidth, img.naturalHeight, 'image');
}
