/**
 * Firefox reads pictures on screen as Chromium does: a photo from another site (no CORS, so the
 * page may not read it) shown large enough is identified from a capture of the visible tab, and
 * its server never sees a second request, with or without the user's cookies.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settledCard } from './cards';
import { htmlPage, startServer, type TestServer } from '../../harness/server';
import { historyOf } from '../../harness/firefox-state';
import { launchFirefox, until, type FirefoxWithExtension } from '../../harness/firefox';
import { identifyElement } from '../../harness/firefox-menu';

const LOAF = { file: 'n07684084_French_loaf.JPEG', classIndex: 930 };
const VOLCANO = { file: 'n09472597_volcano.JPEG', classIndex: 980 };

describe('Firefox: a picture on screen is read from the screen, with no request', () => {
  let ff: FirefoxWithExtension;
  let site: TestServer;
  /** Another origin without CORS headers: the page cannot read its pictures. */
  let images: TestServer;

  beforeAll(async () => {
    [site, images] = await Promise.all([startServer(), startServer()]);
    ff = await launchFirefox();
  });
  afterAll(async () => {
    await ff?.close();
    await Promise.all([site?.close(), images?.close()]);
  });

  async function open(path: string, body: string): Promise<Page> {
    const page = await ff.browser.newPage();
    await page.setViewport({ width: 1200, height: 900 });
    await page.goto(htmlPage(site, path, body), { waitUntil: 'load' });
    await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
    return page;
  }

  const requestsFor = (file: string) => images.requests.filter((path) => path === `/samples/${file}`).length;

  it('a large photo from another site: identified from a capture, its server asked once (by the page)', async () => {
    const page = await open('/ff-onscreen.html', `
      <img id="loaf" src="${images.origin}/samples/${LOAF.file}" style="display: block; width: 480px; height: 360px; margin: 20px">
      <img id="volcano" src="${images.origin}/samples/${VOLCANO.file}" style="display: block; width: 480px; height: 360px; margin: 20px">`);
    expect(requestsFor(LOAF.file)).toBe(1);
    // The page that reads the add-on's storage is a tab of its own: opened first, then the user's page in front.
    expect(await historyOf(ff)).toEqual([]);
    await page.bringToFront();
    for (const [index, photo] of [LOAF, VOLCANO].entries()) {
      await identifyElement(ff, page, photo === LOAF ? '#loaf' : '#volcano');
      const entries = await until(async () => {
        const all = await historyOf(ff);
        return all.length > index ? all : undefined;
      }, 'the answer to reach history');
      const [card] = (await settledCard(page, index + 1)).slice(-1);
      expect(card!.state, card!.text).toBe('result');
      expect(entries[0]!.via).toBe('capture');
      expect(entries[0]!.predictions[0]!.classIndex).toBe(photo.classIndex);
      expect(requestsFor(photo.file), 'only the page itself loaded it').toBe(1);
    }
    await page.close();
  });
});
