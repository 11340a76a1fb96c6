import { fail, GlimpseFailure } from '../shared/errors';
import { LIMITS } from '../shared/limits';
import type { ImageSource } from '../shared/types';
import type { ImageTarget } from './image-target';
import { readCanvas, readImagePixels, readVideoFrame } from './read-pixels';
import { readInlineSvg } from './read-svg';

async function fetchBlobUrl(url: string): Promise<ImageSource> {
  let blob: Blob;
  try {
    blob = await (await fetch(url)).blob();
  } catch (error) {
    return fail('unreadable', { detail: `blob URL: ${String(error)}` });
  }
  if (blob.size > LIMITS.maxImageBytes) fail('too-large', { detail: `${blob.size} bytes` });
  return { kind: 'bytes', bytes: await blob.arrayBuffer(), mimeType: blob.type };
}

/**
 * blob: URLs belong to the page, so the page's side (this script) reads them. Pages often
 * revoke the URL once the picture has loaded: then the picture on screen is read instead.
 */
async function readBlobUrl(url: string, element: Element | undefined): Promise<ImageSource> {
  try {
    return await fetchBlobUrl(url);
  } catch (error) {
    const isImg = element?.localName === 'img';
    if (!isImg || !(error instanceof GlimpseFailure) || error.error.code !== 'unreadable') throw error;
    return readImagePixels(element as HTMLImageElement);
  }
}

/**
 * Turns what was right-clicked into something the service worker can identify: web and
 * data: addresses go as they are (the worker fetches them, past CORS); everything only
 * this page can read goes as bytes.
 */
export async function readImageSource(target: ImageTarget): Promise<ImageSource> {
  switch (target.kind) {
    case 'url':
      return /^blob:/i.test(target.url) ? readBlobUrl(target.url, target.element) : { kind: 'url', url: target.url };
    case 'canvas':
      return readCanvas(target.element);
    case 'video':
      return readVideoFrame(target.element);
    case 'svg':
      return readInlineSvg(target.element);
  }
}
