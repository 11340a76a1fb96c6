/**
 * Whether two pictures are the same picture, whatever their size or encoding: each is shrunk
 * to a small grey grid, and the grids are compared by correlation, which ignores brightness and
 * contrast shifts (a re-encoded JPEG, a screen's colour handling) but not a different scene.
 */

/**
 * Both pictures are resized to a GRID x GRID square by the browser, then averaged down to
 * SIGNATURE_SIDE in blocks: the browser's resize straight to a small grid aliases on fine patterns
 * (measured: a striped jersey at 300 px and its own file differed by 0.22 through a 32 px resize,
 * more than the closest different photos).
 */
export const SIGNATURE_GRID = 128;
/** Side of the grid that is compared. */
export const SIGNATURE_SIDE = 16;

/**
 * Largest distance at which a download is taken to be the picture on screen. Measured on the
 * 200 dev photos (npm run measure-onscreen -- --only threshold): each photo shown at 300, 200 and
 * 120 px and captured is at most 0.006 from its own file; the closest of the 39,800 pairs of
 * different photos is 0.135 (1 % are under 0.47). A wrong "different" costs little (the screen
 * is read instead), a wrong "same" identifies a picture the user never saw: the line sits nearer
 * the same-picture side.
 */
export const SAME_PICTURE_MAX_DISTANCE = 0.05;

/** Grey levels (0..255) of RGBA pixels. */
export function greyLevels(rgba: Uint8ClampedArray | Uint8Array): Float32Array {
  const grey = new Float32Array(rgba.length / 4);
  for (let i = 0; i < grey.length; i++) {
    grey[i] = 0.299 * rgba[i * 4]! + 0.587 * rgba[i * 4 + 1]! + 0.114 * rgba[i * 4 + 2]!;
  }
  return grey;
}

/** Averages a `from` x `from` grid of grey levels down to `to` x `to` (`from` a multiple of `to`). */
export function shrinkGrid(grey: Float32Array, from: number = SIGNATURE_GRID, to: number = SIGNATURE_SIDE): Float32Array {
  const out = new Float32Array(to * to);
  const factor = from / to;
  for (let y = 0; y < from; y++) {
    for (let x = 0; x < from; x++) out[Math.floor(y / factor) * to + Math.floor(x / factor)]! += grey[y * from + x]!;
  }
  return out.map((sum) => sum / (factor * factor));
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
