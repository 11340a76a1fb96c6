import { describe, expect, it } from 'vitest';
import { alsoCalled, CLASS_COUNT, labelForClass, parseClassName } from '../../../src/shared/labels';

describe('ImageNet labels', () => {
  it('uses the first synonym as the label and keeps all synonyms', () => {
    expect(parseClassName('tench, Tinca tinca')).toEqual({ label: 'tench', synonyms: ['tench', 'Tinca tinca'] });
  });
  it('names standard class indices in everyday words, keeping WordNet names as synonyms', () => {
    expect(labelForClass(0).label).toBe('tench');
    expect(labelForClass(296)).toEqual({ label: 'polar bear', synonyms: ['ice bear', 'polar bear', 'Ursus Maritimus', 'Thalarctos maritimus'] });
    expect(labelForClass(281).label).toBe('tabby cat');
    expect(labelForClass(134).label).toBe('crane (bird)');
    expect(labelForClass(517).label).toBe('crane (machine)');
    expect(labelForClass(999).label).toBe('toilet paper');
  });
  it('lists what else a class is called, without the name shown', () => {
    expect(alsoCalled(labelForClass(296))).toEqual(['ice bear', 'Ursus Maritimus', 'Thalarctos maritimus']);
    expect(alsoCalled(labelForClass(0))).toEqual(['Tinca tinca']);
  });
  it('has 1000 classes and rejects others', () => {
    expect(() => labelForClass(CLASS_COUNT - 1)).not.toThrow();
    expect(() => labelForClass(CLASS_COUNT)).toThrow(RangeError);
  });
  it('tolerates stray commas and spaces', () => {
    expect(parseClassName(' crane,, ').synonyms).toEqual(['crane']);
  });
});
