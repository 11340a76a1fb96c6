import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { GlimpseFailure } from '../../../src/shared/errors';

const { heldPixels, holdPixels, takeHeld } = await import('../../../src/background/held-pixels');

const bytes = (n: number) => new Uint8Array([n]).buffer;

describe('pixels held from a right-click until "Identify image" (held-pixels.ts)', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(async () => {
    await vi.runAllTimersAsync();
    vi.useRealTimers();
  });

  it('hands them out once, and only to the tab that handed them over', () => {
    const mine = bytes(1);
    const id = holdPixels(7, mine);
    expect(() => takeHeld(id, 8)).toThrow(GlimpseFailure);
    expect(takeHeld(id, 7)).toBe(mine);
    expect(() => takeHeld(id, 7)).toThrow(/no longer held/);
    expect(heldPixels()).toBe(0);
  });

  it('forgets them after five seconds, and keeps the last four at most', () => {
    const old = holdPixels(1, bytes(0));
    vi.advanceTimersByTime(5_001);
    expect(() => takeHeld(old, 1)).toThrow(/no longer held/);
    const ids = [1, 2, 3, 4, 5].map((n) => holdPixels(1, bytes(n)));
    expect(heldPixels()).toBe(4);
    expect(() => takeHeld(ids[0]!, 1)).toThrow(/no longer held/);
    expect(new Uint8Array(takeHeld(ids[4]!, 1))[0]).toBe(5);
  });
});
