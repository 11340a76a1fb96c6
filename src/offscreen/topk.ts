export interface RankedClass {
  classIndex: number;
  probability: number;
}

/** Numerically stable softmax of logits. */
export function softmax(logits: ArrayLike<number>): Float64Array {
  let max = -Infinity;
  for (let i = 0; i < logits.length; i++) max = Math.max(max, logits[i]!);
  const out = new Float64Array(logits.length);
  let sum = 0;
  for (let i = 0; i < logits.length; i++) {
    out[i] = Math.exp(logits[i]! - max);
    sum += out[i]!;
  }
  for (let i = 0; i < out.length; i++) out[i]! /= sum;
  return out;
}

/** The k most probable classes, best first; ties keep the lower index first. */
export function topK(probabilities: ArrayLike<number>, k: number): RankedClass[] {
  const best: RankedClass[] = [];
  for (let i = 0; i < probabilities.length; i++) {
    const p = probabilities[i]!;
    if (Number.isNaN(p)) continue;
    if (best.length === k && p <= best[k - 1]!.probability) continue;
    let at = best.length;
    while (at > 0 && best[at - 1]!.probability < p) at--;
    best.splice(at, 0, { classIndex: i, probability: p });
    if (best.length > k) best.pop();
  }
  return best;
}
