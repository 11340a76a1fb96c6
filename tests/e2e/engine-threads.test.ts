/**
 * Threaded WASM: the offscreen document is cross-origin isolated, TF.js's threaded SIMD build
 * starts its workers from files inside the extension, and it answers exactly as the
 * single-threaded build does.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineSession, type EngineSession } from '../../harness/engine-session';
import type { Classification } from '../../src/shared/types';
import { openPopup, until } from '../../harness/chromium';
import { SAMPLES_DIR } from '../../harness/server';

const IMAGES = 20;

describe('the engine on threaded WASM', () => {
  let session: EngineSession;
  let photos: Buffer[];
  let cores: number;

  beforeAll(async () => {
    session = await startEngineSession();
    await session.setBackend('wasm');
    const files = (await readdir(SAMPLES_DIR)).filter((f) => f.endsWith('.JPEG')).sort().slice(0, IMAGES);
    photos = await Promise.all(files.map((f) => readFile(join(SAMPLES_DIR, f))));
    const page = await session.ext.browser.newPage();
    cores = await page.evaluate(() => navigator.hardwareConcurrency);
    await page.close();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('runs on as many threads as this machine has cores (up to 4), and the popup says so', async () => {
    expect(cores).toBeGreaterThan(1);
    const threads = Math.min(cores, 4);
    const status = await session.warm();
    expect(status).toMatchObject({ state: 'ready', backend: 'wasm', threads });
    const popup = await openPopup(session.ext);
    const text = await until(
      () => popup.$eval('.engine-text', (el) => el.textContent ?? '').then((t) => (t.includes('thread') ? t : '')),
      'the popup to show the engine',
    );
    expect(text).toBe(`Ready · WASM · ${threads} threads`);
    // The popup and the engine live in cross-origin isolated extension pages.
    expect(await popup.evaluate(() => crossOriginIsolated)).toBe(true);
    await popup.close();
  });

  it('gives the same answers to 20 photos sent all at once (run in batches) as one by one', async () => {
    const { results: oneByOne } = await session.classifyOneByOne(photos);
    const before = await session.stats();
    const { results: atOnce } = await session.classifyAtOnce(photos);
    const stats = await session.stats();
    // Twenty answers from fewer model runs: images waiting together went through together.
    expect(stats.classified - before.classified).toBe(photos.length);
    expect(stats.batches - before.batches).toBeLessThan(photos.length);
    for (let i = 0; i < photos.length; i++) {
      const [a, b] = [oneByOne[i]!.predictions, atOnce[i]!.predictions];
      expect(a[0]!.classIndex, `photo ${i}`).toBe(b[0]!.classIndex);
      a.forEach((p, rank) => expect(Math.abs(p.probability - b[rank]!.probability), `photo ${i} rank ${rank}`).toBeLessThan(1e-3));
    }
    expect(atOnce.every((r) => r.thumbnail.startsWith('data:image/jpeg'))).toBe(true);
    expect(stats.queued).toBe(0);
  });

  it('gives the same answers with and without threads on 20 photos', async () => {
    const threaded: Classification[] = [];
    for (const photo of photos) threaded.push(await session.classify(photo));

    await session.setMaxThreads(1);
    await session.restartEngine();
    expect(await session.warm()).toMatchObject({ state: 'ready', backend: 'wasm', threads: 1 });
    const single: Classification[] = [];
    for (const photo of photos) single.push(await session.classify(photo));
    await session.setMaxThreads(undefined);

    for (let i = 0; i < photos.length; i++) {
      const [a, b] = [threaded[i]!.predictions, single[i]!.predictions];
      expect(a[0]!.classIndex, `photo ${i}`).toBe(b[0]!.classIndex);
      a.forEach((p, rank) => expect(Math.abs(p.probability - b[rank]!.probability), `photo ${i} rank ${rank}`).toBeLessThan(1e-3));
    }
  });

  it('says "1 thread" when it runs single-threaded', async () => {
    const popup = await openPopup(session.ext);
    const text = await until(
      () => popup.$eval('.engine-text', (el) => el.textContent ?? '').then((t) => (t.includes('thread') ? t : '')),
      'the popup to show the engine',
    );
    expect(text).toBe('Ready · WASM · 1 thread');
    await popup.close();
  });
});
