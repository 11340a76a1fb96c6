/**
 * Pictures that never finish downloading: a webcam's MJPEG stream (multipart/x-mixed-replace,
 * one JPEG after another for ever) or a server that keeps the body open after the picture.
 * The browser shows the first picture all the same, so Glimpse takes it once it is whole,
 * instead of waiting for an end that never comes.
 */
import { imageProblem } from '../shared/image-problem';

/** How long a response without a length runs before Glimpse looks for a whole picture in it. */
export const STREAM_GRACE_MS = 1500;
const CHECK_EVERY_MS = 500;

const isMultipart = (contentType: string): boolean => /^multipart\/x-mixed-replace/i.test(contentType);

/** The body of a multipart response's first part (after its headers), up to the next boundary if it has come. */
export function firstPart(bytes: Uint8Array, contentType: string): Uint8Array | undefined {
  const boundary = /boundary="?([^";]+)"?/i.exec(contentType)?.[1]?.replace(/^--/, '');
  const text = new TextDecoder('latin1').decode(bytes.subarray(0, Math.min(bytes.length, 64 * 1024)));
  const headersEnd = text.indexOf('\r\n\r\n');
  if (headersEnd < 0) return undefined;
  const start = headersEnd + 4;
  if (!boundary) return bytes.subarray(start);
  const marker = new TextEncoder().encode(`--${boundary}`);
  for (let at = bytes.indexOf(marker[0]!, start); at >= 0 && at + marker.length <= bytes.length; at = bytes.indexOf(marker[0]!, at + 1)) {
    let i = 1;
    while (i < marker.length && bytes[at + i] === marker[i]) i++;
    if (i === marker.length) return bytes.subarray(start, at);
  }
  return bytes.subarray(start);
}

/** Watches a download with no declared length for a whole picture already in it. */
export class StreamWatch {
  private lastCheck = 0;
  private readonly startedAt = Date.now();
  constructor(private readonly contentType: string) {}

  /** The picture to use now, if the stream has run a while and holds a whole one. */
  wholePicture(bytes: () => Uint8Array): Uint8Array | undefined {
    const now = Date.now();
    if (now - this.startedAt < STREAM_GRACE_MS || now - this.lastCheck < CHECK_EVERY_MS) return undefined;
    this.lastCheck = now;
    return this.pictureIn(bytes());
  }

  /** The picture in `bytes`: the first part of a multipart stream, else the bytes themselves, if whole. */
  pictureIn(bytes: Uint8Array): Uint8Array | undefined {
    const candidate = isMultipart(this.contentType) ? firstPart(bytes, this.contentType) : bytes;
    if (!candidate?.length) return undefined;
    const copy = candidate.slice();
    return imageProblem(copy.buffer) ? undefined : copy;
  }
}
