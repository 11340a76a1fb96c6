/**
 * The camera view on Chromium's fake camera, which plays a Y4M made here from dev photos shown in
 * turn (with sensor noise and shake): each photo is named while it is shown, in order, without
 * the label flickering to anything else; its controls do what they say; and a missing or refused
 * camera is said plainly.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPopup, until, type ExtensionBrowser } from '../../harness/chromium';
import { confidentScenes, fakeCameraFlags, photoFrames, runsOf, writeY4m, type Scene } from '../../harness/fake-media';
import { englishMessageKey, history } from '../../harness/reading';

interface Logged { at: number; raw: [number, number][]; shownClass?: number; shown: string }

const SECONDS_PER_PHOTO = 4;
const scenes: Scene[] = confidentScenes(4);
let dir: string;
let ext: ExtensionBrowser;
let camera: Page;

const cameraUrl = (e: ExtensionBrowser) => `chrome-extension://${e.extensionId}/src/camera/index.html`;
const cameraLog = (page: Page): Promise<Logged[]> => page.evaluate(() => (globalThis as { glimpseCamera?: { log: Logged[] } }).glimpseCamera?.log ?? []);

const problemShown = async (page: Page) =>
  until(() => page.evaluate(() => {
    const alert = document.querySelector('.camera-problem[role="alert"]');
    return alert ? { problem: alert.getAttribute('data-problem'), text: alert.querySelector('p')?.textContent ?? '' } : undefined;
  }), 'the camera problem');

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'glimpse-camera-'));
  const y4m = join(dir, 'scenes.y4m');
  await writeY4m(y4m, await photoFrames(scenes.map((s) => s.file), 320, 240), { width: 320, height: 240, fps: 10, secondsPerPhoto: SECONDS_PER_PHOTO });
  ext = await launchWithExtension({ extraArgs: fakeCameraFlags(y4m) });
});

afterAll(async () => {
  await ext?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('camera view', () => {
  it('opens from the popup\'s "Camera" button in a tab of its own', async () => {
    const popup = await openPopup(ext);
    const button = await until(() => popup.$('::-p-aria([name="Camera"][role="button"])'), 'a button named Camera');
    const opened = ext.browser.waitForTarget((t) => t.url() === cameraUrl(ext), { timeout: 30_000 });
    await button.click();
    camera = (await (await opened).page())!;
    expect(camera).toBeTruthy();
    await until(() => camera.evaluate(() => document.querySelector('.camera-video') !== null), 'the camera view');
  });

  it('names each photo while it is shown, in order, without flicker', async () => {
    // Two full turns of the fake camera's loop after the first answer.
    const cycleMs = scenes.length * SECONDS_PER_PHOTO * 1000;
    const log = await until(async () => {
      const all = await cameraLog(camera);
      return all.length > 2 && all[all.length - 1]!.at - all[0]!.at > 2 * cycleMs ? all : undefined;
    }, 'two turns of answers', 150_000);
    const classes = scenes.map((s) => s.classIndex);
    // From the first answer that names one of the photos (the model's first answers may come mid-change).
    const start = log.findIndex((entry) => entry.shownClass !== undefined && classes.includes(entry.shownClass));
    const shown = log.slice(start);
    const runs = runsOf(shown.map((entry) => String(entry.shownClass)));
    console.log(`[camera] ${shown.length} answers, runs: ${runs.map(([c, n]) => `${scenes.find((s) => String(s.classIndex) === c)?.name ?? c}x${n}`).join(' ')}`);
    // Nothing but the photos, each followed by the next (the loop starts over after the last).
    for (const [shownClass] of runs) expect(classes.map(String)).toContain(shownClass);
    for (let i = 1; i < runs.length; i++) {
      const before = classes.indexOf(Number(runs[i - 1]![0]));
      expect(Number(runs[i]![0])).toBe(classes[(before + 1) % classes.length]);
    }
    expect(runs.length).toBeGreaterThanOrEqual(scenes.length + 1);
    // Each photo is named in so many words (a sure answer is its plain name).
    const said = new Set(shown.map((entry) => entry.shown));
    for (const scene of scenes) expect(said).toContain(scene.name);
  });

  it('shows its answer in one big label on the picture, clear of the controls', async () => {
    const box = await camera.evaluate(() => {
      const label = document.querySelector<HTMLElement>('.camera-label')!;
      const rect = label.getBoundingClientRect();
      const controls = document.querySelector('.camera-controls')!.getBoundingClientRect();
      return {
        text: label.textContent, fontSize: parseFloat(getComputedStyle(label).fontSize), bottom: rect.bottom, top: rect.top,
        left: rect.left, right: rect.right, controlsBottom: controls.bottom, width: innerWidth, height: innerHeight,
      };
    });
    expect(scenes.map((s) => s.name).some((name) => box.text?.includes(name.replace(/^./, (c) => c.toLowerCase())) || box.text?.includes(name))).toBe(true);
    expect(box.fontSize).toBeGreaterThanOrEqual(32);
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(box.width);
    expect(box.bottom).toBeLessThanOrEqual(box.height);
    expect(box.top).toBeGreaterThan(box.controlsBottom);
    await camera.screenshot({ path: join(dir, 'camera.png') });
  });

  it('shows the top 5 on demand, with percentages', async () => {
    await camera.click('.camera-button.top-five');
    const items = await until(() => camera.evaluate(() => [...document.querySelectorAll('#camera-top-five li')].map((li) => li.textContent ?? '')).then((l) => (l.length === 5 ? l : undefined)), 'the top 5');
    expect(items.every((item) => /\d+%$|99\+%$|<1%$/.test(item))).toBe(true);
    await camera.click('.camera-button.top-five');
    await until(() => camera.evaluate(() => document.querySelector('#camera-top-five') === null), 'the top 5 to close');
  });

  it('mirrors the picture by default and not when switched off (remembered)', async () => {
    const transform = () => camera.evaluate(() => getComputedStyle(document.querySelector('.camera-video')!).transform);
    expect(await transform()).not.toBe('none');
    await camera.click('.camera-button.mirror');
    await until(async () => (await transform()) === 'none', 'the mirror to be off');
    const stored = await camera.evaluate(() => chrome.storage.local.get('cameraMirror'));
    expect(stored.cameraMirror).toBe(false);
    await camera.click('.camera-button.mirror');
  });

  it('pauses (no more answers, the label stays) and resumes', async () => {
    await camera.click('.camera-button.pause');
    await until(() => camera.evaluate(() => document.querySelector('.camera')?.getAttribute('data-paused') === 'true'), 'the pause');
    const countAt = async () => (await cameraLog(camera)).length;
    // A frame already in flight may still land; after that, nothing.
    const settled = await countAt() + 1;
    await camera.evaluate(() => new Promise((resolve) => setTimeout(resolve, 3000)));
    expect(await countAt()).toBeLessThanOrEqual(settled);
    expect(await camera.$eval('.camera-label', (el) => el.textContent)).toContain(englishMessageKey('cameraPaused'));
    await camera.click('.camera-button.pause');
    const after = await countAt();
    await until(async () => (await countAt()) > after + 2, 'answers again after resuming', 60_000);
  });

  it('"Keep this" puts the frame and its answer into history, like an upload', async () => {
    const before = (await history(ext)).length;
    await camera.click('.camera-button.keep');
    const notice = await until(() => camera.$eval('.camera-status', (el) => el.textContent ?? '').then((text) => (text.includes('Kept in history') ? text : undefined)), 'the kept notice', 120_000);
    const entries = await history(ext);
    expect(entries.length).toBe(before + 1);
    const kept = entries.sort((a, b) => b.createdAt - a.createdAt)[0]!;
    expect(kept.origin.uploadedName).toMatch(/^Camera, /);
    expect(kept.thumbnail).toMatch(/^data:image\/jpeg/);
    expect(kept.width).toBe(320);
    expect(notice).toContain('Kept in history');
  });
});

describe('camera view without a camera', () => {
  const denyCamera = async (e: ExtensionBrowser, setting: 'granted' | 'denied') => {
    const cdp = await e.browser.target().createCDPSession();
    await cdp.send('Browser.setPermission', { permission: { name: 'camera' }, setting, origin: `chrome-extension://${e.extensionId}` });
    await cdp.detach();
  };

  it('says no camera was found, with a way to try again', async () => {
    const bare = await launchWithExtension();
    try {
      await denyCamera(bare, 'granted');
      const page = await bare.browser.newPage();
      await page.goto(cameraUrl(bare));
      expect(await problemShown(page)).toEqual({ problem: 'none', text: englishMessageKey('cameraNone') });
      expect(await page.$('::-p-aria([name="Try again"][role="button"])')).not.toBeNull();
    } finally {
      await bare.close();
    }
  });

  it('says the camera was refused, and how to allow it', async () => {
    // A camera there is (no file: Chromium's own test pattern), which the user refused.
    const refusing = await launchWithExtension({ extraArgs: ['--use-fake-device-for-media-stream'] });
    try {
      await denyCamera(refusing, 'denied');
      const page = await refusing.browser.newPage();
      await page.goto(cameraUrl(refusing));
      expect(await problemShown(page)).toEqual({ problem: 'refused', text: englishMessageKey('cameraRefused') });
    } finally {
      await refusing.close();
    }
  });
});
