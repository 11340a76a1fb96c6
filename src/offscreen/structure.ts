/**
 * How much neighbouring pixels agree: the correlation of each pixel's brightness with the
 * pixel to its right and the one below, over the model's 224x224 view. Photos, drawings and
 * charts score near 1 (edges are rare, surfaces are smooth); random noise scores near 0. The
 * model has no "nothing" class and calls noise "velvet" at 72%, so the wording uses this to
 * say "not sure" about a picture with no structure at all (docs/CALIBRATION.md).
 * `rgb` holds size*size pixels as R, G, B values (any scale). A flat picture scores 1.
 */
export function neighbourCorrelation(rgb: ArrayLike<number>, size: number): number {
  const count = size * size;
  const luma = new Float32Array(count);
  let sum = 0;
  for (let i = 0; i < count; i++) {
    const value = 0.299 * rgb[i * 3]! + 0.587 * rgb[i * 3 + 1]! + 0.114 * rgb[i * 3 + 2]!;
    luma[i] = value;
    sum += value;
  }
  const mean = sum / count;
  let variance = 0;
  let covariance = 0;
  let pairs = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const here = luma[y * size + x]! - mean;
      variance += here * here;
      if (x + 1 < size) { covariance += here * (luma[y * size + x + 1]! - mean); pairs++; }
      if (y + 1 < size) { covariance += here * (luma[(y + 1) * size + x]! - mean); pairs++; }
    }
  }
  if (variance / count < 1e-6) return 1;
  return Math.max(0, Math.min(1, covariance / pairs / (variance / count)));
}
