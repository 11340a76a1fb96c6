/**
 * Firefox suspends the add-on's background page when idle (after ~30 s; here after 10 s, still
 * longer than any model load, which counts as no activity) and the
 * engine, which lives there, goes with it; and history must outlive the browser itself.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GECKO_ID } from '../../scripts/build/browsers';
import { settledCard } from './cards';
import { startServer, type TestServer } from '../../harness/server';
import { historyOf } from '../../harness/firefox-state';
import { launchFirefox, until, type FirefoxWithExtension } from '../../harness/firefox';
import { identifyElement, inBrowserWindow } from '../../harness/firefox-menu';

const TENCH = 0;
const VOLCANO = 980;

describe('Firefox: suspension and restart', () => {
  let ff: FirefoxWithExtension | undefined;
  let server: TestServer;
  let profileDir: string;

  beforeAll(async () => {
    server = await startServer();
    server.route('/two-photos.html', (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' }).end(`<!doctype html><title>Two photos</title>
        <img id="fish" src="/samples/n01440764_tench.JPEG" width="320" alt="">
        <img id="volcano" src="/samples/n09472597_volcano.JPEG" width="320" alt="">`);
    });
  });
  afterAll(async () => {
    await ff?.close();
    await server?.close();
  });

  const backgroundState = (browser: FirefoxWithExtension) =>
    inBrowserWindow<string>(browser, `String(WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)}).extension.backgroundState)`);

  async function openPhotos(browser: FirefoxWithExtension): Promise<Page> {
    const page = await browser.browser.newPage();
    await page.goto(`${server.origin}/two-photos.html`, { waitUntil: 'load' });
    return page;
  }

  it('answers again after Firefox suspended the background page (and the model with it)', async () => {
    ff = await launchFirefox({ idleTimeoutMs: 10_000 });
    profileDir = ff.profileDir;
    // Storage is read from an extension page opened now: opening one later would wake the engine.
    expect(await historyOf(ff)).toEqual([]);
    const page = await openPhotos(ff);
    await identifyElement(ff, page, '#fish');
    expect((await settledCard(page))[0]!.state).toBe('result');
    await until(async () => (await backgroundState(ff!)) === 'stopped', 'Firefox to suspend the background page', 60_000);
    // (What content scripts read for "warming up" is reset by onSuspend, whose storage write Firefox
    // does not always let finish: it is not asserted here; the answer after the suspension is.)

    await page.keyboard.press('Escape');
    await identifyElement(ff, page, '#volcano');
    const cards = await settledCard(page);
    const history = await until(async () => {
      const all = await historyOf(ff!);
      return all.length === 2 ? all : undefined;
    }, 'both answers in history');
    expect(history.map((entry) => entry.predictions[0]!.classIndex)).toEqual([VOLCANO, TENCH]);
    const card = cards.find((c) => c.text.toLowerCase().includes(history[0]!.predictions[0]!.label.toLowerCase()));
    expect(card?.state, JSON.stringify(cards)).toBe('result');
  });

  it('keeps history when Firefox restarts with the same profile', async () => {
    await ff!.close({ keepProfile: true });
    ff = await launchFirefox({ profileDir });
    const popup = await ff.openExtensionPage('src/popup/index.html');
    const labels = await until(async () => {
      const shown = await popup.$$eval('.entry .entry-label', (items) => items.map((item) => item.textContent?.trim().toLowerCase() ?? ''));
      return shown.length > 0 ? shown : undefined;
    }, 'the popup to list the history');
    const history = await historyOf(ff);
    expect(history.map((entry) => entry.predictions[0]!.classIndex)).toEqual([VOLCANO, TENCH]);
    labels.forEach((label, i) => expect(label).toContain(history[i]!.predictions[0]!.label.toLowerCase()));
  });
});
