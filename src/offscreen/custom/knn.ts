/**
 * Answers from taught examples: each class scores the mean cosine similarity of its k nearest
 * examples to the picture (k = 1: its nearest), and the scores become confidences through a
 * softmax with a small temperature (a soft nearest neighbour: two classes whose nearest examples
 * are about as near share the confidence). How near the winning class's nearest example is says
 * whether the picture is like anything taught at all: far from every example the confidence falls
 * towards 0 (the answer then reads "not sure"). K, TEMPERATURE, NEAR and FAR were measured on the
 * dev photos (docs/CUSTOM-MODELS.md, `npm run measure-taught`).
 */

export interface TaughtClassVectors {
  name: string;
  /** Each example's embedding. */
  vectors: Float32Array[];
}

export interface KnnAnswer {
  /** Every class with its confidence (0..1), best first. */
  ranked: { name: string; confidence: number }[];
  /** The cosine similarity of the nearest example of the top class. */
  nearest: number;
}

/** Examples per class that score it (1 beat 3 and 5 with 4 examples per class: 78% against 67% and 61%, two classes). */
export const K = 1;
/** Softmax temperature over the classes' similarities (similarities of photos differ by a few hundredths). */
export const TEMPERATURE = 0.02;
/** Cosine similarity at or above which a picture counts as fully like an example; at or below FAR, like nothing taught. */
export const NEAR = 0.34;
export const FAR = 0.26;

export function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na === 0 || nb === 0 ? 0 : dot / Math.sqrt(na * nb);
}

/** How like anything taught a similarity is: 0 at FAR and below, 1 at NEAR and above. */
export const nearness = (similarity: number, near = NEAR, far = FAR): number =>
  Math.min(1, Math.max(0, (similarity - far) / (near - far)));

/** `closeness` turns the nearest similarity into a factor on the vote (measurements pass `() => 1` for the bare vote). */
export function knnClassify(query: Float32Array, classes: readonly TaughtClassVectors[], k = K, closeness: (similarity: number) => number = nearness): KnnAnswer {
  const scored = classes
    .filter((c) => c.vectors.length > 0)
    .map((c) => {
      const similarities = c.vectors.map((vector) => cosine(query, vector)).sort((a, b) => b - a);
      const top = similarities.slice(0, Math.max(1, Math.min(k, similarities.length)));
      return { name: c.name, score: top.reduce((sum, v) => sum + v, 0) / top.length, nearest: similarities[0]! };
    });
  if (scored.length === 0) return { ranked: [], nearest: 0 };
  const best = Math.max(...scored.map((c) => c.score));
  const weights = scored.map((c) => Math.exp((c.score - best) / TEMPERATURE));
  const total = weights.reduce((sum, w) => sum + w, 0);
  const order = scored.map((c, i) => ({ ...c, share: weights[i]! / total })).sort((a, b) => b.share - a.share);
  const nearest = order[0]!.nearest;
  const like = closeness(nearest);
  return { ranked: order.map(({ name, share }) => ({ name, confidence: share * like })), nearest };
}
