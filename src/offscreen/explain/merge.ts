/**
 * Merging what the model says about several views (square crops) of one picture into one
 * answer. The problem a plain max or mean has: a square of background texture gets a confident
 * "velvet" or "doormat". The rules below weight each view by how much it looks like a picture of
 * something; `MERGE_RULE` is the one measured best (README: "The whole picture").
 */
import { softmax } from '../../shared/topk';

export type MergeRule = 'max' | 'mean' | 'confidence' | 'entropy' | 'energy' | 'max-logit';
export const MERGE_RULES: readonly MergeRule[] = ['max', 'mean', 'confidence', 'entropy', 'energy', 'max-logit'];

export const MERGE_RULE: MergeRule = 'energy';
/** Temperature of the view weights for the logit-based rules (logit units). */
export const MERGE_TEMPERATURE = 1;

export interface Merged {
  probabilities: Float64Array;
  /** Each view's share of the answer, summing to 1. */
  weights: number[];
}

const logSumExp = (values: Float32Array): number => {
  let max = -Infinity;
  for (const v of values) if (v > max) max = v;
  let sum = 0;
  for (const v of values) sum += Math.exp(v - max);
  return max + Math.log(sum);
};

const entropy = (p: Float64Array): number => {
  let h = 0;
  for (const v of p) if (v > 0) h -= v * Math.log(v);
  return h;
};

function maxOf(values: ArrayLike<number>): number {
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) if (values[i]! > max) max = values[i]!;
  return max;
}

/** Normalised weights from scores: softmax(score / temperature), stable. */
export function softWeights(scores: number[], temperature: number): number[] {
  const top = Math.max(...scores);
  const raw = scores.map((s) => Math.exp((s - top) / temperature));
  const total = raw.reduce((a, b) => a + b, 0);
  return raw.map((r) => r / total);
}

/** Merges per-view logits (each the 1000 ImageNet classes) into one probability vector. */
export function mergeViews(logits: Float32Array[], rule: MergeRule = MERGE_RULE, temperature = MERGE_TEMPERATURE): Merged {
  if (logits.length === 0) throw new RangeError('no views to merge');
  const probabilities = logits.map((l) => softmax(l));
  if (probabilities.length === 1) return { probabilities: probabilities[0]!, weights: [1] };
  const classes = probabilities[0]!.length;
  if (rule === 'max') {
    const out = new Float64Array(classes);
    for (const p of probabilities) for (let c = 0; c < classes; c++) out[c] = Math.max(out[c]!, p[c]!);
    const total = out.reduce((a, b) => a + b, 0);
    for (let c = 0; c < classes; c++) out[c]! /= total;
    const tops = probabilities.map(maxOf);
    const sum = tops.reduce((a, b) => a + b, 0);
    return { probabilities: out, weights: tops.map((t) => t / sum) };
  }
  const weights =
    rule === 'mean' ? probabilities.map(() => 1 / probabilities.length)
    : rule === 'confidence' ? softWeights(probabilities.map((p) => Math.log(maxOf(p))), 1)
    : rule === 'entropy' ? softWeights(probabilities.map((p) => -entropy(p)), temperature)
    : rule === 'energy' ? softWeights(logits.map(logSumExp), temperature)
    : softWeights(logits.map(maxOf), temperature);
  const out = new Float64Array(classes);
  probabilities.forEach((p, i) => {
    for (let c = 0; c < classes; c++) out[c]! += weights[i]! * p[c]!;
  });
  return { probabilities: out, weights };
}
