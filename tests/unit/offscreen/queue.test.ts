import { describe, expect, it } from 'vitest';
import { GlimpseFailure } from '../../../src/shared/errors';
import { SerialQueue } from '../../../src/offscreen/queue';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('SerialQueue: one model, one job at a time, in order', () => {
  it('runs jobs one after another in arrival order', async () => {
    const queue = new SerialQueue(10);
    const log: string[] = [];
    let running = 0;
    const job = (name: string) => async () => {
      running++;
      expect(running).toBe(1);
      log.push(`start ${name}`);
      await tick();
      log.push(`end ${name}`);
      running--;
      return name;
    };
    const results = await Promise.all(['a', 'b', 'c'].map((n) => queue.run(job(n))));
    expect(results).toEqual(['a', 'b', 'c']);
    expect(log).toEqual(['start a', 'end a', 'start b', 'end b', 'start c', 'end c']);
  });

  it('keeps going after a job fails', async () => {
    const queue = new SerialQueue(10);
    const failed = queue.run(async () => { throw new Error('bad image'); });
    const next = queue.run(async () => 'fine');
    await expect(failed).rejects.toThrow('bad image');
    await expect(next).resolves.toBe('fine');
    expect(queue.size).toBe(0);
  });

  it('refuses work beyond its bound with a "busy" failure', async () => {
    const queue = new SerialQueue(2);
    const slow = () => queue.run(() => tick().then(() => 1));
    const accepted = [slow(), slow()];
    expect(queue.isFull).toBe(true);
    const refused = slow();
    await expect(refused).rejects.toBeInstanceOf(GlimpseFailure);
    await expect(refused).rejects.toMatchObject({ error: { code: 'busy' } });
    await Promise.all(accepted);
    expect(queue.isFull).toBe(false);
  });
});
