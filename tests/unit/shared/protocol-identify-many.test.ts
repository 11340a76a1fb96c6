import { describe, expect, it } from 'vitest';
import { checkPayload, envelope, MAX_PICTURES_PER_REQUEST } from '../../../src/shared/protocol';

const picture = { source: { kind: 'screen', area: { left: 0, top: 0, width: 100, height: 100, dpr: 1 } }, origin: { pageUrl: 'https://example.org/' } };

describe("'identify-many': a page scan's pictures, several per request", () => {
  it('carries up to MAX_PICTURES_PER_REQUEST pictures with a scan and a shot', () => {
    const pictures = Array.from({ length: MAX_PICTURES_PER_REQUEST }, () => picture);
    const payload = { pictures, scanId: 's', shot: 'a' };
    expect(checkPayload('background', envelope('background', 'identify-many', payload as never))).toEqual(payload);
  });

  it('refuses more pictures than that, a list that is not one, and bad pictures', () => {
    const many = Array.from({ length: MAX_PICTURES_PER_REQUEST + 1 }, () => picture);
    const check = (pictures: unknown) => () => checkPayload('background', { glimpse: 1, to: 'background', type: 'identify-many', payload: { pictures, scanId: 's', shot: 'a' } });
    expect(check(many)).toThrow(/at most/);
    expect(check({ 0: picture })).toThrow(/should be a list/);
    expect(check([{ source: { kind: 'nope' }, origin: {} }])).toThrow(/pictures\[0\]/);
  });
});
