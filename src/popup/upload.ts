import type { GlimpseError } from '../shared/errors';
import { LIMITS } from '../shared/limits';
import { sniffImage } from '../shared/sniff';

/** Problems a file shows before any bytes are read: too big, empty, or plainly not a picture. */
export function checkFile(file: Pick<File, 'size' | 'type'>): GlimpseError | undefined {
  if (file.size > LIMITS.maxImageBytes) return { code: 'too-large', detail: `${file.size} bytes` };
  if (file.size === 0) return { code: 'empty' };
  // An empty type means the system does not know: let the bytes decide.
  if (file.type !== '' && !file.type.startsWith('image/')) return { code: 'not-an-image', detail: file.type };
  return undefined;
}

/** The bytes decide: a file named .jpg that is really a PDF is not an image. */
export function checkBytes(bytes: ArrayBuffer): GlimpseError | undefined {
  return sniffImage(bytes) ? undefined : { code: 'not-an-image', detail: 'unrecognised bytes' };
}

/** The first file worth trying from a drop or a paste: an image if there is one, else any file (to explain why not). */
export function pickFile(files: ArrayLike<File>): File | undefined {
  const all = Array.from(files);
  return all.find((file) => file.type.startsWith('image/')) ?? all[0];
}
