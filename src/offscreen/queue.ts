import { GlimpseFailure } from '../shared/errors';

/**
 * Runs async jobs one at a time, in the order they arrived. One model serves everyone;
 * running jobs side by side would only interleave their GPU/CPU work and blow up memory.
 */
export class SerialQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private waiting = 0;

  constructor(private readonly maxWaiting: number) {}

  /** Jobs accepted and not yet finished (the running one included). */
  get size(): number {
    return this.waiting;
  }

  get isFull(): boolean {
    return this.waiting >= this.maxWaiting;
  }

  run<T>(job: () => Promise<T>): Promise<T> {
    if (this.isFull) return Promise.reject(new GlimpseFailure({ code: 'busy', detail: `${this.waiting} jobs already queued` }));
    this.waiting++;
    const result = this.tail.then(job);
    this.tail = result.then(
      () => undefined,
      () => undefined,
    ).finally(() => {
      this.waiting--;
    });
    return result;
  }
}
