/**
 * Answers from taught examples: the k nearest by cosine similarity vote for their class, each
 * vote weighted by its similarity. How near the nearest example of the winning class is says
 * whether the picture is like anything taught at all: far from every example, the confidence
 * falls towards 0 (the answer then reads "not sure"). NEAR and FAR were measured on the dev
 * photos (docs/CUSTOM-MODELS.md, `npm run measure-taught`).
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

/** Most neighbours that vote (fewer when fewer examples were taught). */
export const K = 5;
/** Cosine similarity at or above which a picture counts as fully like an example; at or below FAR, like nothing taught. */
export const NEAR = 0.62;
export const FAR = 0.42;

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
  const neighbours = classes
    .flatMap((c, classIndex) => c.vectors.map((vector) => ({ classIndex, similarity: cosine(query, vector) })))
    .sort((a, b) => b.similarity - a.similarity);
  if (neighbours.length === 0) return { ranked: [], nearest: 0 };
  const votes = new Float64Array(classes.length);
  let total = 0;
  for (const { classIndex, similarity } of neighbours.slice(0, Math.min(k, neighbours.length))) {
    const weight = Math.max(similarity, 1e-6);
    votes[classIndex] = votes[classIndex]! + weight;
    total += weight;
  }
  const order = classes.map((c, i) => ({ name: c.name, share: votes[i]! / total, i })).sort((a, b) => b.share - a.share);
  const top = order[0]!;
  const nearest = neighbours.find((n) => n.classIndex === top.i)?.similarity ?? 0;
  const like = closeness(nearest);
  return { ranked: order.map(({ name, share }) => ({ name, confidence: share * like })), nearest };
}
