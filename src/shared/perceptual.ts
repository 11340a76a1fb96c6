/**
 * Whether two pictures are the same picture, whatever their size or encoding: each is shrunk
 * to a small grey grid, and the grids are compared by correlation, which ignores brightness and
 * contrast shifts (a re-encoded JPEG, a screen's colour handling) but not a different scene.
 */

/** Side of the grid both pictures are shrunk to. */
export const SIGNATURE_SIDE = 16;

/**
 * Largest distance at which a download is taken to be the picture on screen. Measured on the
 * 200 dev photos (npm run measure-capture): the same photo shown at 300 px and captured vs its
 * download, against every other photo; see README "What is on screen".
 */
export const SAME_PICTURE_MAX_DISTANCE = 0.35;

/** Grey levels (0..255) of RGBA pixels. */
export function greyLevels(rgba: Uint8ClampedArray | Uint8Array): Float32Array {
  const grey = new Float32Array(rgba.length / 4);
  for (let i = 0; i < grey.length; i++) {
    grey[i] = 0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!;
  }
  return grey;
}

/**
 * 1 - Pearson correlation of two grids of the same size: 0 for the same picture, about 1 for
 * unrelated ones, 2 for a negative. Two flat grids are the same when their levels are close.
 */
export function signatureDistance(a: Float32Array, b: Float32Array): number {
  if (a.length !== b.length || a.length === 0) throw new Error('signatures of different sizes');
  const n = a.length;
  let meanA = 0;
  let meanB = 0;
  for (let i = 0; i < n; i++) {
    meanA += a[i]!;
    meanB += b[i]!;
  }
  meanA /= n;
  meanB /= n;
  let cov = 0;
  let varA = 0;
  let varB = 0;
  for (let i = 0; i < n; i++) {
    const da = a[i]! - meanA;
    const db = b[i]! - meanB;
    cov += da * db;
    varA += da * da;
    varB += db * db;
  }
  // A flat grid (a blank or single-colour picture) has no pattern to correlate.
  const flat = (variance: number) => Math.sqrt(variance / n) < 2;
  if (flat(varA) || flat(varB)) return flat(varA) && flat(varB) && Math.abs(meanA - meanB) < 16 ? 0 : 1;
  return 1 - cov / Math.sqrt(varA * varB);
}

export const isSamePicture = (a: Float32Array, b: Float32Array): boolean =>
  signatureDistance(a, b) <= SAME_PICTURE_MAX_DISTANCE;
