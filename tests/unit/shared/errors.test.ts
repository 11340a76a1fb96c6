import { describe, expect, it } from 'vitest';
import { fail, GlimpseFailure, toGlimpseError } from '../../../src/shared/errors';

describe('the error model', () => {
  it('keeps typed failures and wraps everything else as internal', () => {
    expect(toGlimpseError(new GlimpseFailure({ code: 'corrupt', detail: 'x' }))).toEqual({ code: 'corrupt', detail: 'x' });
    expect(toGlimpseError(new TypeError('boom'))).toEqual({ code: 'internal', detail: 'boom' });
    expect(toGlimpseError('odd', 'engine')).toEqual({ code: 'engine', detail: 'odd' });
  });
  it('throws a typed failure that carries its code across awaits', async () => {
    await expect(Promise.resolve().then(() => fail('busy', { detail: 'queue full' }))).rejects.toEqual(
      new GlimpseFailure({ code: 'busy', detail: 'queue full' }),
    );
  });
});
