/**
 * What one page can make the service worker do, bounded. Only the user's own right-clicks and
 * menu choices reach the worker in the first place (the content script ignores events a page
 * dispatches), but a page's frame still must not be able to cost other tabs time: each tab has
 * a token bucket per kind of request, refilled steadily, and a request finding it empty is
 * dropped (or refused as "busy"). Identifications that answer a menu click of the user's are
 * always let through: Glimpse asked for them itself.
 */

export type LimitedRequest = 'warm' | 'hold-pixels' | 'report-error' | 'identify' | 'scan' | 'classify-frame';

interface Rule {
  /** Requests allowed at once. */
  burst: number;
  /** Tokens added back per second. */
  perSecond: number;
}

const RULES: Record<LimitedRequest, Rule> = {
  warm: { burst: 4, perSecond: 0.5 },
  // One per right-click on a picture the page may read.
  'hold-pixels': { burst: 4, perSecond: 1 },
  'report-error': { burst: 10, perSecond: 1 },
  // Retries come without a menu click each.
  identify: { burst: 64, perSecond: 4 },
  // A page scan (started by the user's command) asks for every picture of the page, at the engine's pace.
  scan: { burst: 300, perSecond: 25 },
  // "Identify live" on a page's video keeps one frame in flight: at most the engine's pace.
  'classify-frame': { burst: 30, perSecond: 30 },
};

/** Menu clicks remembered per frame (a burst of clicks on one picture is answered once, leaving the rest unused). */
const MAX_EXPECTED = 128;

interface Bucket {
  tokens: number;
  at: number;
}

export interface RateLimitStats {
  allowed: Record<LimitedRequest, number>;
  refused: Record<LimitedRequest, number>;
}

const zero = (): Record<LimitedRequest, number> => ({ warm: 0, 'hold-pixels': 0, 'report-error': 0, identify: 0, scan: 0, 'classify-frame': 0 });

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();
  private readonly expected = new Map<string, number>();
  readonly stats: RateLimitStats = { allowed: zero(), refused: zero() };

  constructor(private readonly now: () => number = Date.now) {}

  /** Whether tab `tabId` may make one more request of this kind now (and counts it). */
  allow(kind: LimitedRequest, tabId: number): boolean {
    const rule = RULES[kind];
    const key = `${kind}:${tabId}`;
    const now = this.now();
    const bucket = this.buckets.get(key) ?? { tokens: rule.burst, at: now };
    bucket.tokens = Math.min(rule.burst, bucket.tokens + ((now - bucket.at) / 1000) * rule.perSecond);
    bucket.at = now;
    this.buckets.set(key, bucket);
    const ok = bucket.tokens >= 1;
    if (ok) bucket.tokens -= 1;
    this.stats[ok ? 'allowed' : 'refused'][kind] += 1;
    return ok;
  }

  /** The user chose "Identify image" in this frame: its content script's next identification is Glimpse's own. */
  expectIdentification(tabId: number, frameId: number): void {
    const key = `${tabId}:${frameId}`;
    this.expected.set(key, Math.min(MAX_EXPECTED, (this.expected.get(key) ?? 0) + 1));
  }

  /** An identification from a frame: one the user asked for through the menu, or one within the tab's bucket. */
  allowIdentification(tabId: number, frameId: number, scan = false): boolean {
    const key = `${tabId}:${frameId}`;
    const waiting = this.expected.get(key) ?? 0;
    if (waiting > 0) {
      if (waiting === 1) this.expected.delete(key);
      else this.expected.set(key, waiting - 1);
      this.stats.allowed.identify += 1;
      return true;
    }
    return this.allow(scan ? 'scan' : 'identify', tabId);
  }

  /** A closed tab's buckets go with it. */
  forgetTab(tabId: number): void {
    for (const key of [...this.buckets.keys()]) if (key.endsWith(`:${tabId}`)) this.buckets.delete(key);
    for (const key of [...this.expected.keys()]) if (key.startsWith(`${tabId}:`)) this.expected.delete(key);
  }
}

/** The worker's one limiter (it starts afresh with the worker, as does everything a page could have run up). */
export const rateLimiter = new RateLimiter();
