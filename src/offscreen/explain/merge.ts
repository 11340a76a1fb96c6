/**
 * Merging what the model says about several views (square crops) of one picture into one
 * answer. A plain max or mean fails on banners whose background is texture: a square of it
 * gets a confident "velvet" or "window screen". The chosen rule (measured: README, "The whole
 * picture") weights each view by how far its answer is from the model's answer for pictures of
 * nothing (content-free.ts): the Kullback-Leibler divergence KL(view || content-free), through
 * a softmax over the views. Background views answer much like nothing and get little weight,
 * however confident they are; the others are kept as measured alternatives.
 */
import { softmax } from '../topk';

export const MERGE_RULES = ['content-free-kl', 'max', 'mean', 'confidence', 'entropy', 'energy', 'max-logit'] as const;
export type MergeRule = (typeof MERGE_RULES)[number];

export const MERGE_RULE: MergeRule = 'content-free-kl';
/** Temperature of the view weights (nats for the KL rule, logit units for the logit rules). */
export const MERGE_TEMPERATURE = 1;

export interface MergeOptions {
  rule?: MergeRule;
  temperature?: number;
  /** The model's mean answer (probabilities) for content-free pictures: needed by 'content-free-kl'. */
  contentFree?: ArrayLike<number>;
}

export interface Merged {
  probabilities: Float64Array;
  /** Each view's share of the answer, summing to 1. */
  weights: number[];
}

function logSumExp(values: ArrayLike<number>): number {
  const max = maxOf(values);
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += Math.exp(values[i]! - max);
  return max + Math.log(sum);
}

function entropy(p: ArrayLike<number>): number {
  let h = 0;
  for (let i = 0; i < p.length; i++) if (p[i]! > 0) h -= p[i]! * Math.log(p[i]!);
  return h;
}

/** KL(p || q) in nats; q's zeros are floored so the divergence stays finite. */
export function klDivergence(p: ArrayLike<number>, q: ArrayLike<number>): number {
  let d = 0;
  for (let i = 0; i < p.length; i++) if (p[i]! > 0) d += p[i]! * (Math.log(p[i]!) - Math.log(Math.max(q[i]!, 1e-6)));
  return d;
}

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

/** The mean of probability vectors (e.g. the model's answers for content-free pictures). */
export function meanProbabilities(logits: ArrayLike<number>[]): Float64Array {
  const out = new Float64Array(logits[0]?.length ?? 0);
  for (const row of logits) softmax(row).forEach((p, c) => (out[c]! += p / logits.length));
  return out;
}

/** Merges per-view logits (each the 1000 ImageNet classes) into one probability vector. */
export function mergeViews(logits: ArrayLike<number>[], options: MergeOptions = {}): Merged {
  const { rule = MERGE_RULE, temperature = MERGE_TEMPERATURE, contentFree } = options;
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
  if (rule === 'content-free-kl' && !contentFree) throw new RangeError('content-free-kl needs the content-free answer');
  const weights =
    rule === 'content-free-kl' ? softWeights(probabilities.map((p) => klDivergence(p, contentFree!)), temperature)
    : rule === 'mean' ? probabilities.map(() => 1 / probabilities.length)
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
