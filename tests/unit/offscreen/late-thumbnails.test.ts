import { describe, expect, it, vi } from 'vitest';

const made: string[] = [];
vi.mock('../../../src/offscreen/preprocess', () => ({
  thumbnailDataUrl: (bitmap: { name: string }) => (made.push(bitmap.name), `data:${bitmap.name}`),
}));
const { LateThumbnails } = await import('../../../src/offscreen/late-thumbnails');

const bitmap = (name: string) => ({ name, close: vi.fn() }) as unknown as ImageBitmap;
const aTask = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('history thumbnails after the answers (late-thumbnails.ts)', () => {
  it('are made in a task of their own right after the answer when no picture waits for the model', async () => {
    made.length = 0;
    const thumbnails = new LateThumbnails(() => false);
    thumbnails.keep('a', bitmap('a'));
    expect(made).toEqual([]);
    await aTask();
    expect(made).toEqual(['a']);
    expect(await thumbnails.take('a')).toBe('data:a');
  });

  it('wait while pictures wait for the model (a page scan), then are all made', async () => {
    made.length = 0;
    let busy = true;
    const thumbnails = new LateThumbnails(() => busy);
    thumbnails.keep('a', bitmap('a'));
    thumbnails.keep('b', bitmap('b'));
    await aTask();
    expect(made).toEqual([]);
    const asked = thumbnails.take('b');
    await aTask();
    expect(made).toEqual([]);
    busy = false;
    thumbnails.resume();
    expect(await asked).toBe('data:b');
    await aTask();
    expect(made.sort()).toEqual(['a', 'b']);
  });

  it('made after the answer whose turn ended the wait, not before it, one per task', async () => {
    made.length = 0;
    let busy = true;
    const thumbnails = new LateThumbnails(() => busy);
    thumbnails.keep('a', bitmap('a'));
    thumbnails.keep('b', bitmap('b'));
    const asked = [thumbnails.take('a'), thumbnails.take('b')];
    await aTask();
    // The last picture's turn: the wait ends, then its answer goes out a few promise steps later.
    busy = false;
    thumbnails.resume();
    let madeBeforeAnswer: string[] | undefined;
    let answer: Promise<unknown> = Promise.resolve();
    for (let step = 0; step < 10; step++) answer = answer.then(() => undefined);
    await answer.then(() => (madeBeforeAnswer = [...made]));
    expect(madeBeforeAnswer).toEqual([]);
    expect(await Promise.all(asked)).toEqual(['data:a', 'data:b']);
    expect(made.sort()).toEqual(['a', 'b']);
  });

  it('lets go of a thumbnail nobody will collect', async () => {
    made.length = 0;
    const thumbnails = new LateThumbnails(() => true);
    const kept = bitmap('c');
    thumbnails.keep('c', kept);
    thumbnails.forget('c');
    expect(kept.close).toHaveBeenCalled();
    expect(thumbnails.size).toBe(0);
    expect(await thumbnails.take('c')).toBe('');
    expect(made).toEqual([]);
  });
});
