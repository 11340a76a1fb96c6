import { labelForClass } from '../shared/labels';
import { TOP_K } from '../shared/limits';
import { softmax, topK } from './topk';
import type { Prediction } from '../shared/types';

/** The model's 1000 ImageNet logits -> the top classes with their labels and probabilities. */
export function rankLogits(logits: Float32Array): Prediction[] {
  return topK(softmax(logits), TOP_K).map(({ classIndex, probability }) => ({ ...labelForClass(classIndex), classIndex, probability }));
}
