import type { GlimpseError } from '../shared/errors';
import { LIMITS } from '../shared/limits';
import { imageProblem } from '../shared/image-problem';

/**
 * Problems a file shows before any bytes are read: too big or empty. Its type is not trusted
 * either way (systems label AVIF or WebP "application/octet-stream", and anyone can rename a
 * PDF to .jpg): the bytes decide, in checkBytes.
 */
export function checkFile(file: Pick<File, 'size'>): GlimpseError | undefined {
  if (file.size > LIMITS.maxImageBytes) return { code: 'too-large', detail: `${file.size} bytes` };
  if (file.size === 0) return { code: 'empty' };
  return undefined;
}

/**
 * The bytes decide: a file named .jpg that is really a PDF is not an image, and a cut-off file
 * or a decompression bomb is refused here just as the service worker would refuse it.
 */
export const checkBytes = (bytes: ArrayBuffer): GlimpseError | undefined => imageProblem(bytes);

/** The first file worth trying from a drop or a paste: an image if there is one, else any file (to explain why not). */
export function pickFile(files: ArrayLike<File>): File | undefined {
  const all = Array.from(files);
  return all.find((file) => file.type.startsWith('image/')) ?? all[0];
}
