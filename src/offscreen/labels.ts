import { IMAGENET_CLASSES } from '@tensorflow-models/mobilenet/dist/imagenet_classes';

export interface ClassLabel {
  /** The first synonym: what the card shows. */
  label: string;
  /** Every name WordNet gives the class, first one included. */
  synonyms: string[];
}

/** Splits an ImageNet class name ("tench, Tinca tinca") into a display label and its synonyms. */
export function parseClassName(name: string): ClassLabel {
  const synonyms = name.split(',').map((part) => part.trim()).filter((part) => part.length > 0);
  return { label: synonyms[0] ?? name.trim(), synonyms };
}

/** The label of a standard ImageNet class index (0..999). */
export function labelForClass(classIndex: number): ClassLabel {
  const name = (IMAGENET_CLASSES as Record<number, string>)[classIndex];
  if (name === undefined) throw new RangeError(`no ImageNet class ${classIndex}`);
  return parseClassName(name);
}

export const CLASS_COUNT = 1000;
