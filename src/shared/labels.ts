import { IMAGENET_CLASSES } from '@tensorflow-models/mobilenet/dist/imagenet_classes';
// Everyday names in standard class order (index 0 = tench): the public-domain list from
// anishathalye/imagenet-simple-labels ("ice bear" -> "polar bear", "tabby" -> "tabby cat").
import SIMPLE_NAMES from './imagenet-simple-labels.json';

export interface ClassLabel {
  /** The everyday name people read ("polar bear"). */
  label: string;
  /** Every name WordNet gives the class ("ice bear", "polar bear", "Ursus maritimus"). */
  synonyms: string[];
}

/** Splits an ImageNet class name ("tench, Tinca tinca") into a display label and its synonyms. */
export function parseClassName(name: string): ClassLabel {
  const synonyms = name.split(',').map((part) => part.trim()).filter((part) => part.length > 0);
  return { label: synonyms[0] ?? name.trim(), synonyms };
}

/** The everyday name of a standard ImageNet class index (0..999), if it has one. */
export const simpleName = (classIndex: number): string | undefined => (SIMPLE_NAMES as string[])[classIndex];

/** The label of a standard ImageNet class index (0..999): its everyday name and WordNet's synonyms. */
export function labelForClass(classIndex: number): ClassLabel {
  const name = (IMAGENET_CLASSES as Record<number, string>)[classIndex];
  if (name === undefined) throw new RangeError(`no ImageNet class ${classIndex}`);
  const wordnet = parseClassName(name);
  return { label: simpleName(classIndex) ?? wordnet.label, synonyms: wordnet.synonyms };
}

/** The names a class is "also called", besides the one shown (case-insensitive). */
export function alsoCalled(prediction: { label: string; synonyms: string[] }): string[] {
  const shown = prediction.label.toLowerCase();
  return prediction.synonyms.filter((name) => name.toLowerCase() !== shown);
}

export const CLASS_COUNT = 1000;
