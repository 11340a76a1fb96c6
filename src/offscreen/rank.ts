import { labelForClass } from '../shared/labels';
import { TOP_K } from '../shared/limits';
import { topK } from './topk';
import type { Prediction } from '../shared/types';

/** 1000 ImageNet probabilities -> the top classes with their labels. */
export function rankProbabilities(probabilities: ArrayLike<number>): Prediction[] {
  return topK(probabilities, TOP_K).map(({ classIndex, probability }) => ({ ...labelForClass(classIndex), classIndex, probability }));
}
