import { fail, GlimpseFailure } from '../shared/errors';
import { LIMITS } from '../shared/limits';
import type { ImageSource } from '../shared/types';
import type { ImageTarget } from './find-image';

function canvasBytes(canvas: HTMLCanvasElement | OffscreenCanvas): Promise<ArrayBuffer> {
  try {
    if (canvas instanceof OffscreenCanvas) return canvas.convertToBlob({ type: 'image/png' }).then((b) => b.arrayBuffer());
    return new Promise<ArrayBuffer>((resolve, reject) => {
      canvas.toBlob((blob) => (blob ? blob.arrayBuffer().then(resolve, reject) : reject(new Error('empty canvas'))), 'image/png');
    });
  } catch (error) {
    // A canvas that drew cross-origin pixels is "tainted": the page itself may not read it.
    return Promise.reject(new GlimpseFailure({ code: 'unreadable', detail: String(error) }));
  }
}

async function readCanvas(canvas: HTMLCanvasElement): Promise<ImageSource> {
  try {
    return { kind: 'bytes', bytes: await canvasBytes(canvas), mimeType: 'image/png' };
  } catch (error) {
    if (error instanceof GlimpseFailure) throw error;
    return fail('unreadable', { detail: String(error) });
  }
}

async function readVideoFrame(video: HTMLVideoElement): Promise<ImageSource> {
  if (video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA || video.videoWidth === 0) {
    if (video.poster) return { kind: 'url', url: video.poster };
    return fail('unreadable', { detail: 'the video has no frame yet' });
  }
  const canvas = new OffscreenCanvas(video.videoWidth, video.videoHeight);
  canvas.getContext('2d')?.drawImage(video, 0, 0);
  try {
    return { kind: 'bytes', bytes: await canvasBytes(canvas), mimeType: 'image/png' };
  } catch (error) {
    return fail('unreadable', { detail: `video frame: ${String(error)}` });
  }
}

const INLINED_STYLES = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-opacity', 'opacity', 'color', 'font-family', 'font-size', 'font-weight', 'visibility', 'display'];

/** Serialises an inline <svg>, with the page's CSS for it inlined so it draws as it looks. */
function readInlineSvg(svg: SVGSVGElement): ImageSource {
  const clone = svg.cloneNode(true) as SVGSVGElement;
  const originals = [svg, ...svg.querySelectorAll('*')];
  const copies = [clone, ...clone.querySelectorAll('*')];
  originals.forEach((original, i) => {
    const copy = copies[i] as SVGElement | undefined;
    if (!copy) return;
    const computed = getComputedStyle(original);
    for (const property of INLINED_STYLES) copy.style.setProperty(property, computed.getPropertyValue(property));
  });
  const rect = svg.getBoundingClientRect();
  if (!clone.getAttribute('width')) clone.setAttribute('width', String(Math.max(1, Math.round(rect.width))));
  if (!clone.getAttribute('height')) clone.setAttribute('height', String(Math.max(1, Math.round(rect.height))));
  clone.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  const text = new XMLSerializer().serializeToString(clone);
  const bytes = new TextEncoder().encode(text);
  return { kind: 'bytes', bytes: bytes.buffer as ArrayBuffer, mimeType: 'image/svg+xml' };
}

/** blob: URLs belong to the page, so the page's side (this script) reads them. */
async function readBlobUrl(url: string): Promise<ImageSource> {
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    return fail('unreadable', { detail: `blob URL: ${String(error)}` });
  }
  const blob = await response.blob();
  if (blob.size > LIMITS.maxImageBytes) fail('too-large', { detail: `${blob.size} bytes` });
  return { kind: 'bytes', bytes: await blob.arrayBuffer(), mimeType: blob.type };
}

/** Turns what was right-clicked into something the service worker can identify. */
export function readImageSource(target: ImageTarget): Promise<ImageSource> {
  switch (target.kind) {
    case 'url':
      return /^blob:/i.test(target.url) ? readBlobUrl(target.url) : Promise.resolve({ kind: 'url', url: target.url });
    case 'canvas':
      return readCanvas(target.element);
    case 'video':
      return readVideoFrame(target.element);
    case 'svg':
      return Promise.resolve(readInlineSvg(target.element));
  }
}
