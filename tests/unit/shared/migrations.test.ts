import { describe, expect, it } from 'vitest';
import { migrate } from '../../../src/shared/migrations';

describe('migrate', () => {
  const steps = { 2: (v: string[]) => [...v, 'two'], 3: (v: string[]) => [...v, 'three'] };

  it('runs every step after the stored version, in order', () => {
    expect(migrate(['one'], 1, 3, steps)).toEqual(['one', 'two', 'three']);
    expect(migrate(['one', 'two'], 2, 3, steps)).toEqual(['one', 'two', 'three']);
  });

  it('leaves a current value alone, and a missing step keeps the value as it is', () => {
    expect(migrate(['x'], 3, 3, steps)).toEqual(['x']);
    expect(migrate(['x'], 3, 5, steps)).toEqual(['x']);
    expect(migrate(['x'], 1, 2)).toEqual(['x']);
  });
});
