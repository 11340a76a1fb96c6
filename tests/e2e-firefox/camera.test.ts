/**
 * The camera view in Firefox, on its fake camera (media.navigator.streams.fake: a synthetic
 * pattern, not a file of ours, so what it is named cannot be checked here: Chromium's tests do
 * that), permission granted by pref: the page opens, the engine in the background page answers
 * frame after frame, and the label and controls are there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, until, type FirefoxWithExtension } from '../../harness/firefox';

let ff: FirefoxWithExtension;

beforeAll(async () => {
  ff = await launchFirefox({ extraPrefs: { 'media.navigator.streams.fake': true, 'media.navigator.permission.disabled': true } });
});

afterAll(async () => ff?.close());

describe('camera view (Firefox)', () => {
  it('shows the fake camera and names it, answer after answer, from the background page\'s engine', async () => {
    const page = await ff.openExtensionPage('src/camera/index.html');
    const answered = await until(
      () => page.evaluate(() => (globalThis as { glimpseCamera?: { log: { shown: string }[] } }).glimpseCamera?.log.length ?? 0).then((n) => (n >= 5 ? n : 0)),
      'five answers from the camera view',
      170_000,
    );
    expect(answered).toBeGreaterThanOrEqual(5);
    const view = await page.evaluate(() => ({
      state: document.querySelector('.camera')?.getAttribute('data-state'),
      label: document.querySelector('.camera-label')?.textContent ?? '',
      status: document.querySelector('.camera-status')?.textContent ?? '',
      playing: (() => { const v = document.querySelector('video'); return !!v && v.videoWidth > 0 && !v.paused; })(),
      buttons: [...document.querySelectorAll('.camera-controls button')].map((b) => b.textContent),
    }));
    expect(view.state).toBe('answering');
    expect(view.playing).toBe(true);
    expect(view.label.length).toBeGreaterThan(0);
    expect(view.status).toMatch(/answers a second/);
    expect(view.buttons).toEqual(['Mirror', 'Pause', 'Top 5', 'Keep this']);
  });
});
