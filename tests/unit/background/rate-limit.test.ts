import { describe, expect, it } from 'vitest';
import { RateLimiter } from '../../../src/background/rate-limit';

describe('RateLimiter: what one tab can make the service worker do', () => {
  it('lets a burst through, then refuses until tokens come back with time', () => {
    let now = 0;
    const limiter = new RateLimiter(() => now);
    const results = Array.from({ length: 10 }, () => limiter.allow('warm', 1));
    expect(results.filter(Boolean)).toHaveLength(4);
    expect(limiter.stats).toMatchObject({ allowed: { warm: 4 }, refused: { warm: 6 } });
    now += 2000; // 0.5 per second: one more
    expect(limiter.allow('warm', 1)).toBe(true);
    expect(limiter.allow('warm', 1)).toBe(false);
  });

  it('one tab running out costs another tab nothing', () => {
    const limiter = new RateLimiter(() => 0);
    for (let i = 0; i < 1000; i++) limiter.allow('warm', 7);
    expect(limiter.allow('warm', 8)).toBe(true);
  });

  it('identifications the user asked for through the menu always pass, even past an empty bucket', () => {
    const limiter = new RateLimiter(() => 0);
    for (let i = 0; i < 64; i++) expect(limiter.allowIdentification(3, 0)).toBe(true);
    expect(limiter.allowIdentification(3, 0)).toBe(false);
    for (let i = 0; i < 100; i++) limiter.expectIdentification(3, 0);
    for (let i = 0; i < 100; i++) expect(limiter.allowIdentification(3, 0)).toBe(true);
    expect(limiter.allowIdentification(3, 0)).toBe(false);
    // A menu click in one frame does not open the door for another.
    limiter.expectIdentification(3, 5);
    expect(limiter.allowIdentification(3, 0)).toBe(false);
    expect(limiter.allowIdentification(3, 5)).toBe(true);
  });

  it('a page scan has its own, larger bucket: a 200-picture scan is not refused, and retries are not starved by it', () => {
    const limiter = new RateLimiter(() => 0);
    for (let i = 0; i < 200; i++) expect(limiter.allowIdentification(2, 0, true)).toBe(true);
    expect(limiter.allowIdentification(2, 0)).toBe(true);
  });

  it('forgets a closed tab', () => {
    const limiter = new RateLimiter(() => 0);
    for (let i = 0; i < 10; i++) limiter.allow('report-error', 4);
    expect(limiter.allow('report-error', 4)).toBe(false);
    limiter.forgetTab(4);
    expect(limiter.allow('report-error', 4)).toBe(true);
  });
});
