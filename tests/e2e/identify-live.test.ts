/**
 * "Identify live" on a playing <video> (a WebM of dev photos, recorded in the test from a canvas
 * with MediaRecorder): the label follows the video, photo after photo, and says the frames come
 * from the video; it stops on Esc and when the video ends; a video of another origin without CORS
 * is followed from the screen instead, and the label says so.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, until, type ExtensionBrowser } from '../../harness/chromium';
import { callOnRoot, closedShadowRoots } from '../../harness/closed-shadow';
import { confidentScenes, runsOf, type Scene } from '../../harness/fake-media';
import { englishMessageKey } from '../../harness/reading';
import { contentScriptReady, dispatchMenuClick } from '../../harness/menu';
import { htmlPage, startServer, type TestServer } from '../../harness/server';

const SECONDS_PER_PHOTO = 4;
const scenes: Scene[] = confidentScenes(3, 5);
let ext: ExtensionBrowser;
let server: TestServer;
let other: TestServer;
let webm: Buffer;

interface LiveLabel { answer: string; via: string; classIndex: string; certainty: string }

/** Records a WebM of the photos shown in turn, in the page (canvas + MediaRecorder, real time). */
async function recordWebm(page: Page): Promise<Buffer> {
  const base64 = await page.evaluate(async (files: string[], seconds: number) => {
    const canvas = document.createElement('canvas');
    canvas.width = 480;
    canvas.height = 360;
    const context = canvas.getContext('2d')!;
    const images = await Promise.all(files.map(async (file) => {
      const image = new Image();
      image.src = `/samples/${file}`;
      await image.decode();
      return image;
    }));
    const recorder = new MediaRecorder(canvas.captureStream(10), { mimeType: 'video/webm;codecs=vp8' });
    const chunks: Blob[] = [];
    recorder.ondataavailable = (event) => chunks.push(event.data);
    const stopped = new Promise((resolve) => (recorder.onstop = resolve));
    recorder.start(500);
    for (const image of images) {
      const until = performance.now() + seconds * 1000;
      while (performance.now() < until) {
        const scale = Math.max(canvas.width / image.naturalWidth, canvas.height / image.naturalHeight);
        const w = image.naturalWidth * scale;
        const h = image.naturalHeight * scale;
        context.drawImage(image, (canvas.width - w) / 2, (canvas.height - h) / 2, w, h);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
    recorder.stop();
    await stopped;
    const bytes = new Uint8Array(await new Blob(chunks, { type: 'video/webm' }).arrayBuffer());
    let binary = '';
    for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
    return btoa(binary);
  }, scenes.map((s) => s.file), SECONDS_PER_PHOTO);
  return Buffer.from(base64, 'base64');
}

const serveWebm = (s: TestServer) => s.route('/scene.webm', (_req, res) => {
  res.writeHead(200, { 'content-type': 'video/webm', 'content-length': String(webm.length) });
  res.end(webm);
});

async function liveLabels(page: Page): Promise<LiveLabel[]> {
  const out: LiveLabel[] = [];
  for await (const root of closedShadowRoots(page, '[data-glimpse-live]')) {
    out.push(await callOnRoot<LiveLabel>(root, `(root) => {
      const box = root.querySelector('.live');
      return { answer: root.querySelector('.answer')?.textContent ?? '', via: root.querySelector('.via')?.textContent ?? '',
        classIndex: box?.dataset.classIndex ?? '', certainty: box?.dataset.certainty ?? '' };
    }`));
  }
  return out;
}

/** Opens a page with the video, waits for it to play, right-clicks it and chooses "Identify live". */
async function identifyLive(url: string): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.goto(url);
  await until(() => page.$eval('video', (v) => (v as HTMLVideoElement).currentTime > 0.2), 'the video to play', 60_000);
  const tabId = await contentScriptReady(ext, page);
  const box = (await (await page.$('video'))!.boundingBox())!;
  await page.bringToFront();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
  const srcUrl = await page.$eval('video', (v) => (v as HTMLVideoElement).currentSrc);
  await dispatchMenuClick(ext, tabId, { menuItemId: 'identify-live', pageUrl: page.url(), srcUrl, mediaType: 'video' });
  return page;
}

const videoPage = (path: string, src: string, loop: boolean) =>
  htmlPage(server, path, `<h1>Nature clip</h1><video src="${src}" muted autoplay playsinline ${loop ? 'loop' : ''} width="480" height="360"></video>`);

beforeAll(async () => {
  server = await startServer();
  other = await startServer();
  ext = await launchWithExtension();
  const recorder = await ext.browser.newPage();
  await recorder.goto(htmlPage(server, '/record.html', '<p>recording</p>'));
  webm = await recordWebm(recorder);
  await recorder.close();
  serveWebm(server);
  serveWebm(other);
});

afterAll(async () => {
  await ext?.close();
  await server?.close();
  await other?.close();
});

describe('Identify live', () => {
  it('follows a same-origin video photo by photo, from its own frames, until it ends', async () => {
    const page = await identifyLive(videoPage('/live.html', '/scene.webm', false));
    const seen: LiveLabel[] = [];
    const ended = await until(async () => {
      const [label] = await liveLabels(page);
      if (label) seen.push(label);
      return label?.via === englishMessageKey('liveEnded') ? label : undefined;
    }, 'the video to end', 150_000);
    expect(seen.some((label) => label.via === englishMessageKey('liveFromVideo'))).toBe(true);
    const answered = seen.filter((label) => label.classIndex !== '');
    const runs = runsOf(answered.map((label) => label.classIndex)).map(([classIndex]) => Number(classIndex));
    console.log(`[live] ${answered.length} readings, runs: ${runs.join(' ')}`);
    // The photos in the order they play (the first may have passed before the first answer), nothing else between.
    const classes = scenes.map((s) => s.classIndex);
    const first = classes.indexOf(runs[0]!);
    expect(first).toBeGreaterThanOrEqual(0);
    expect(runs).toEqual(classes.slice(first, first + runs.length));
    expect(runs.at(-1)).toBe(classes.at(-1));
    expect(ended.answer).toBe(scenes.at(-1)!.name);
    await page.close();
  });

  it('stops on Esc', async () => {
    const page = await identifyLive(videoPage('/loop.html', '/scene.webm', true));
    await until(async () => (await liveLabels(page))[0]?.classIndex, 'a first answer', 120_000);
    await page.keyboard.press('Escape');
    await until(async () => (await liveLabels(page)).length === 0, 'the label to go');
    await page.close();
  });

  it('follows a video of another origin (no CORS) from the screen, and says so', async () => {
    const page = await identifyLive(videoPage('/cross.html', `${other.origin}/scene.webm`, true));
    const label = await until(async () => {
      const [found] = await liveLabels(page);
      return found?.classIndex ? found : undefined;
    }, 'an answer from the screen', 120_000);
    expect(label.via).toBe(englishMessageKey('liveFromScreen'));
    expect(scenes.map((s) => String(s.classIndex))).toContain(label.classIndex);
    // Its Stop button ends it.
    for await (const root of closedShadowRoots(page, '[data-glimpse-live]')) await callOnRoot(root, '(root) => root.querySelector(".stop").click()');
    await until(async () => (await liveLabels(page)).length === 0, 'the label to go');
    await page.close();
  });
});
