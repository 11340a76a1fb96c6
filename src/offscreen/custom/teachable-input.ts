/**
 * A picture as a Teachable Machine image model sees it, exactly as Teachable Machine's own
 * library (@teachablemachine/image) prepares it: the centre square of the picture (its shorter
 * side), resized to the model's `imageSize`, on a transparent canvas (so see-through pixels read
 * black), and each RGB byte x scaled to [-1, 1] as x / 127.5 - 1.
 */

/** The centre square of a width x height picture, in its pixels. */
export function centreSquare(width: number, height: number): { x: number; y: number; size: number } {
  const size = Math.min(width, height);
  return { x: (width - size) / 2, y: (height - size) / 2, size };
}

/** RGBA bytes -> RGB floats in [-1, 1] (x / 127.5 - 1), Teachable Machine's input range. */
export function toTeachableInput(pixels: { data: ArrayLike<number>; width: number; height: number }): Float32Array {
  const { data } = pixels;
  const count = pixels.width * pixels.height;
  const out = new Float32Array(count * 3);
  for (let i = 0, j = 0, end = count * 4; i < end; i += 4, j += 3) {
    out[j] = data[i]! / 127.5 - 1;
    out[j + 1] = data[i + 1]! / 127.5 - 1;
    out[j + 2] = data[i + 2]! / 127.5 - 1;
  }
  return out;
}

/** The model's input for a decoded picture: `size` x `size` x 3 floats in [-1, 1]. */
export function teachableInput(bitmap: ImageBitmap, size: number): Float32Array {
  const canvas = new OffscreenCanvas(size, size);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (!context) throw new Error('no 2D canvas context');
  const square = centreSquare(bitmap.width, bitmap.height);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, square.x, square.y, square.size, square.size, 0, 0, size, size);
  return toTeachableInput(context.getImageData(0, 0, size, size));
}
