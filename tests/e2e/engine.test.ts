import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startEngineSession, type EngineSession } from '../../harness/engine-session';
import { envelope } from '../../src/shared/protocol';
import { openPopup } from '../../harness/chromium';
import { withExifOrientation } from './support/exif';
import { SAMPLES_DIR } from '../../harness/server';

const PHOTOS: [file: string, classIndex: number, label: string][] = [
  ['n02106662_German_shepherd.JPEG', 235, 'German Shepherd Dog'],
  ['n02056570_king_penguin.JPEG', 145, 'king penguin'],
  ['n01843065_jacamar.JPEG', 95, 'jacamar'],
  ['n03345487_fire_engine.JPEG', 555, 'fire engine'],
  ['n07754684_jackfruit.JPEG', 955, 'jackfruit'],
];

const photo = (file: string) => readFile(join(SAMPLES_DIR, file));

describe('the recognition engine in its offscreen document', () => {
  let session: EngineSession;

  beforeAll(async () => {
    session = await startEngineSession();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('loads the model once, warms it, and says which backend it chose', async () => {
    const status = await session.warm();
    expect(status.state).toBe('ready');
    expect(['webgl', 'wasm', 'cpu']).toContain(status.backend);
    await session.warm();
    const stats = await session.stats();
    expect(stats.modelLoads).toBe(1);
    const worker = await session.ext.worker();
    const documents = await worker.evaluate(async () =>
      (await chrome.runtime.getContexts({ contextTypes: [chrome.runtime.ContextType.OFFSCREEN_DOCUMENT] })).length,
    );
    expect(documents).toBe(1);
  });

  it('does not pick a software WebGL renderer over WASM', async () => {
    const worker = await session.ext.worker();
    const decision = (await worker.evaluate(() => chrome.storage.local.get('backendDecision'))).backendDecision as
      { key: string; backend: string } | undefined;
    expect(decision).toBeDefined();
    if (/swiftshader|llvmpipe|software/i.test(decision!.key)) expect(decision!.backend).not.toBe('webgl');
  });

  it('names what is in real photos', async () => {
    for (const [file, classIndex, label] of PHOTOS) {
      const result = await session.classify(await photo(file));
      expect(result.predictions[0], file).toMatchObject({ classIndex, label });
      expect(result.predictions).toHaveLength(5);
      expect(result.predictions[0]!.probability).toBeGreaterThan(result.predictions[1]!.probability);
      expect(result.thumbnail).toMatch(/^data:image\/jpeg;base64,/);
      expect(result.width).toBeGreaterThan(0);
    }
  });

  it('turns a photo upright as its EXIF orientation says, for the answer and the thumbnail', async () => {
    const [file, classIndex] = PHOTOS[1]!;
    const page = await session.ext.browser.newPage();
    await page.goto('about:blank');
    // The photo stored a quarter-turn to the left, as a phone held sideways saves it.
    const sideways = Buffer.from(
      (await page.evaluate(`(async (b64) => {
        const bitmap = await createImageBitmap(new Blob([Uint8Array.from(atob(b64), (c) => c.charCodeAt(0))]));
        const canvas = new OffscreenCanvas(bitmap.height, bitmap.width);
        const context = canvas.getContext('2d');
        context.translate(0, bitmap.width);
        context.rotate(-Math.PI / 2);
        context.drawImage(bitmap, 0, 0);
        const bytes = new Uint8Array(await (await canvas.convertToBlob({ type: 'image/jpeg', quality: 0.92 })).arrayBuffer());
        return btoa(String.fromCharCode(...bytes));
      })(${JSON.stringify((await photo(file)).toString('base64'))})`)) as string,
      'base64',
    );
    const thumbnailSize = (dataUrl: string) =>
      page.evaluate(`(async (url) => { const b = await createImageBitmap(await (await fetch(url)).blob()); return [b.width, b.height]; })(${JSON.stringify(dataUrl)})`) as Promise<[number, number]>;
    const upright = await session.classify(await photo(file));
    const turned = await session.classify(withExifOrientation(sideways, 6));
    const unturned = await session.classify(sideways);
    expect(upright.width).toBeGreaterThan(upright.height);
    expect([turned.width, turned.height]).toEqual([upright.width, upright.height]);
    expect([unturned.width, unturned.height]).toEqual([upright.height, upright.width]);
    expect(turned.predictions[0]!.classIndex).toBe(classIndex);
    const [width, height] = await thumbnailSize(turned.thumbnail);
    await page.close();
    expect(width).toBeGreaterThan(height);
  });

  it('answers many requests at once, each with its own answer', async () => {
    const images = await Promise.all(PHOTOS.map(([file]) => photo(file)));
    const { results } = await session.classifyAtOnce([...images, ...images]);
    expect(results.map((r) => r.predictions[0]!.classIndex)).toEqual([...PHOTOS, ...PHOTOS].map(([, index]) => index));
  });

  it('holds no more tensors after 100 classifications than after 1', async () => {
    const image = await photo(PHOTOS[0]![0]);
    await session.classify(image);
    const afterOne = await session.stats();
    for (let i = 0; i < 99; i++) await session.classify(image);
    const afterHundred = await session.stats();
    expect(afterHundred.numTensors).toBe(afterOne.numTensors);
    expect(afterHundred.numBytes).toBe(afterOne.numBytes);
    expect(afterHundred.modelLoads).toBe(1);
  });

  it('receives image bytes from an extension page intact (structured clone messaging)', async () => {
    const page = await openPopup(session.ext);
    const bytes = [...(await photo(PHOTOS[1]![0]))];
    // The bytes are put in inside the page: only there can they be an ArrayBuffer.
    const message = envelope('background', 'identify', {
      source: { kind: 'bytes', bytes: new ArrayBuffer(0), mimeType: 'image/jpeg', name: 'penguin.jpg' },
      origin: { uploadedName: 'penguin.jpg' },
    });
    const outcome = await page.evaluate(async (data: number[], sent: typeof message) => {
      (sent.payload as { source: { bytes: ArrayBuffer } }).source.bytes = new Uint8Array(data).buffer;
      return chrome.runtime.sendMessage(sent);
    }, bytes, message);
    expect(outcome).toMatchObject({ ok: true, value: { origin: { uploadedName: 'penguin.jpg' } } });
    expect((outcome as { value: { predictions: { label: string }[] } }).value.predictions[0]!.label).toBe('king penguin');
    await page.close();
  });
});
