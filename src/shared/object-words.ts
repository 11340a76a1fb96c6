/**
 * The things found in a picture, in words: "2 people, a Kerry blue terrier, a chair". Objects of
 * one name are counted together (biggest groups first, then in the order found); each phrase
 * keeps which objects it stands for, so the card can light up their boxes.
 */
import type { FoundObject } from './types';

export interface ObjectPhrase {
  /** "2 people", "a Kerry blue terrier". */
  text: string;
  /** The name alone, as a label on a box ("person"). */
  name: string;
  /** Indices into the objects it stands for. */
  indices: number[];
}

const IRREGULAR: Record<string, string> = {
  person: 'people', mouse: 'mice', knife: 'knives', skis: 'pairs of skis', 'hair drier': 'hair driers', sheep: 'sheep', bus: 'buses',
  'wine glass': 'wine glasses',
};

/** The English plural of a plain name ("Kerry blue terrier" -> "Kerry blue terriers", "person" -> "people"). */
export function plural(name: string): string {
  const irregular = IRREGULAR[name.toLowerCase()];
  if (irregular) return irregular;
  if (/(s|x|z|ch|sh)$/i.test(name)) return `${name}es`;
  if (/[^aeiou]y$/i.test(name)) return `${name.slice(0, -1)}ies`;
  return `${name}s`;
}

/** "a chair", "an apple"; names that start with a capital are still counted ("an Egyptian Mau"). */
export function withArticle(name: string): string {
  if (name.toLowerCase() === 'skis') return 'a pair of skis';
  return /^[aeiou]/i.test(name) && !/^(uni|eu|one)/i.test(name) ? `an ${name}` : `a ${name}`;
}

export function objectPhrases(objects: readonly FoundObject[]): ObjectPhrase[] {
  const groups = new Map<string, number[]>();
  objects.forEach((object, i) => groups.set(object.name, [...(groups.get(object.name) ?? []), i]));
  return [...groups]
    .sort((a, b) => b[1].length - a[1].length)
    .map(([name, indices]) => ({ name, indices, text: indices.length === 1 ? withArticle(name) : `${indices.length} ${plural(name)}` }));
}
