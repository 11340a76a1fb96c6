import { describe, expect, it } from 'vitest';
import { capitalise, percent } from '../../../src/shared/answer-text';

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
