import { describe, expect, it } from 'vitest';
import { capitalise, percent } from '../../src/shared/answer-text';
import { CLASS_COUNT, labelForClass, parseClassName } from '../../src/offscreen/labels';

describe('ImageNet labels', () => {
  it('uses the first synonym as the label and keeps all synonyms', () => {
    expect(parseClassName('tench, Tinca tinca')).toEqual({ label: 'tench', synonyms: ['tench', 'Tinca tinca'] });
  });
  it('maps standard class indices', () => {
    expect(labelForClass(0).label).toBe('tench');
    expect(labelForClass(235).label).toBe('German shepherd');
    expect(labelForClass(999).label).toBe('toilet tissue');
  });
  it('has 1000 classes and rejects others', () => {
    expect(() => labelForClass(CLASS_COUNT - 1)).not.toThrow();
    expect(() => labelForClass(CLASS_COUNT)).toThrow(RangeError);
  });
  it('tolerates stray commas and spaces', () => {
    expect(parseClassName(' crane,, ').synonyms).toEqual(['crane']);
  });
});

describe('formatting for people', () => {
  it('capitalises the first letter only', () => {
    expect(capitalise('golden retriever')).toBe('Golden retriever');
    expect(capitalise('')).toBe('');
  });
  it('shows percentages without false precision', () => {
    expect(percent(0.874)).toBe('87');
    expect(percent(0.9996)).toBe('99+');
    expect(percent(0.004)).toBe('<1');
  });
});
