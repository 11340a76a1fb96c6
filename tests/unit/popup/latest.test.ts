import { describe, expect, it } from 'vitest';
import { LIMITS } from '../../../src/shared/limits';
import { pickLatest, type Shown } from '../../../src/popup/latest';

const origin = { pageUrl: 'https://example.org/' };
const working = (at: number): Shown => ({ kind: 'working', at, origin });
const failed = (at: number): Shown => ({ kind: 'error', at, error: { code: 'not-an-image' }, origin });

describe('pickLatest', () => {
  it('shows the newer of what the service worker stored and what the popup did itself', () => {
    expect(pickLatest(working(10), failed(20), 30)).toEqual(failed(20));
    expect(pickLatest(failed(20), working(10), 30)).toEqual(failed(20));
    expect(pickLatest(undefined, failed(5), 30)).toEqual(failed(5));
    expect(pickLatest(failed(5), undefined, 30)).toEqual(failed(5));
    expect(pickLatest(undefined, undefined, 30)).toBeUndefined();
  });

  it('keeps a recent "working" as it is', () => {
    expect(pickLatest(working(1000), undefined, 1000 + LIMITS.fetchTimeoutMs)).toEqual(working(1000));
  });

  it('calls a "working" that outlived every timeout interrupted', () => {
    const longAfter = 1000 + LIMITS.fetchTimeoutMs + LIMITS.engineTimeoutMs + 15_001;
    expect(pickLatest(working(1000), undefined, longAfter)).toEqual({
      kind: 'error', at: 1000, error: { code: 'interrupted', detail: 'no answer came back' }, origin,
    });
  });
});
