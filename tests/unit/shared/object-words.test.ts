import { describe, expect, it } from 'vitest';
import { objectPhrases, plural, withArticle } from '../../../src/shared/object-words';
import type { FoundObject } from '../../../src/shared/types';

const found = (name: string): FoundObject => ({ name, coco: name, score: 0.8, box: [0, 0, 10, 10] });

describe('the things in a picture, in words', () => {
  it('counts people and names single things with an article', () => {
    const phrases = objectPhrases([found('person'), found('Kerry blue terrier'), found('person'), found('chair')]);
    expect(phrases.map((p) => p.text)).toEqual(['2 people', 'a Kerry blue terrier', 'a chair']);
    expect(phrases[0]!.indices).toEqual([0, 2]);
    expect(phrases[0]!.name).toBe('person');
  });
  it('makes English plurals and articles', () => {
    expect(['cup', 'bus', 'mouse', 'knife', 'sports ball', 'lorry', 'monkey', 'wine glass'].map(plural))
      .toEqual(['cups', 'buses', 'mice', 'knives', 'sports balls', 'lorries', 'monkeys', 'wine glasses']);
    expect(['apple', 'Egyptian Mau', 'umbrella', 'unicycle', 'dog'].map(withArticle))
      .toEqual(['an apple', 'an Egyptian Mau', 'an umbrella', 'a unicycle', 'a dog']);
  });
  it('says nothing of nothing', () => {
    expect(objectPhrases([])).toEqual([]);
  });
});
