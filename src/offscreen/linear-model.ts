/** A fitted linear (logistic) model over a picture's features: the shape picture-kind-weights.ts holds. */
export interface LinearModel {
  /** Per feature: subtract the mean, divide by the scale, then weigh. */
  mean: number[];
  scale: number[];
  weights: number[];
  bias: number;
}

export const linearScore = (model: LinearModel, x: readonly number[]): number =>
  x.reduce((sum, value, i) => sum + model.weights[i]! * ((value - model.mean[i]!) / model.scale[i]!), model.bias);
