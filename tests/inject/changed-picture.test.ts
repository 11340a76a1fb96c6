/**
 * When a label's picture counts as changed (middle tier: the card in a real page, stubbed
 * extension API). Another size of the same picture is not a change; another picture in the
 * markup of a <picture> is.
 */
import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/shared/types';
import { until } from '../../harness/chromium';
import { startServer, type TestServer } from '../../harness/server';
import { injectedPage, launchPlain } from './support/page';

const PENGUIN = '/samples/n02056570_king_penguin.JPEG';
const PENGUIN_SMALL = '/samples/n02056570_king_penguin.JPEG?w=300';
const ZEBRA = '/samples/n02391049_zebra.JPEG';

const entry: HistoryEntry = {
  id: 'e1', createdAt: 1, origin: {}, backend: 'wasm', inferenceMs: 20, totalMs: 41, width: 480, height: 320, thumbnail: '',
  predictions: [{ label: 'king penguin', synonyms: ['king penguin'], classIndex: 145, probability: 0.94 }],
};

/** Pins a label with the penguin's answer to #photo, identified as what it shows now. */
const labelPhoto = (page: Page) =>
  page.evaluate((answer) => {
    const img = document.querySelector('#photo') as HTMLImageElement;
    const card = new window.glimpseInject.ResultCard(img, { x: 100, y: 100 });
    card.showResult(answer, img.currentSrc);
    Object.assign(window, { card });
  }, entry);

/** Lets the card look at its picture now (what the follow tick does), then reads what the label says. */
const lookAgain = (page: Page) =>
  page.evaluate(() => {
    (window as unknown as { card: { checkPicture(): void } }).card.checkPicture();
    const host = document.querySelector('[data-glimpse-card]') as HTMLElement;
    return { state: host.shadowRoot!.querySelector('.glimpse')!.getAttribute('data-state'), text: (host.shadowRoot!.querySelector('.chip') as HTMLElement).textContent!.trim() };
  });

const loaded = (page: Page, ending: string) =>
  until(() => page.evaluate((end) => {
    const img = document.querySelector('#photo') as HTMLImageElement;
    return img.complete && img.currentSrc.endsWith(end);
  }, ending), `#photo to show ${ending}`);

describe('what counts as the picture changing under its label', () => {
  let browser: Browser;
  let server: TestServer;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchPlain();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('a larger size of the same picture (srcset, after the window widened) is not a change', async () => {
    const page = await injectedPage(browser, server, '/inject/srcset-resize.html', `<img id="photo" alt=""
      srcset="${PENGUIN_SMALL} 300w, ${PENGUIN} 900w" sizes="(min-width: 1100px) 800px, 200px" src="${PENGUIN_SMALL}">`);
    await loaded(page, PENGUIN_SMALL);
    await labelPhoto(page);
    await page.setViewport({ width: 1200, height: 700 });
    await loaded(page, PENGUIN);
    expect(await lookAgain(page)).toEqual({ state: 'result', text: 'King penguin' });
    await page.close();
  });

  it('a <picture> whose <source> the page points at another photo is a change; pointed back, the answer returns', async () => {
    const page = await injectedPage(browser, server, '/inject/picture-source.html', `<picture>
      <source id="source" srcset="${PENGUIN}"><img id="photo" alt="" src="${ZEBRA}" width="400" height="300"></picture>`);
    await loaded(page, PENGUIN);
    await labelPhoto(page);
    await page.$eval('#source', (source, next) => source.setAttribute('srcset', next), ZEBRA);
    await loaded(page, ZEBRA);
    expect(await lookAgain(page)).toEqual({ state: 'changed', text: 'Picture changed · Identify again' });
    await page.$eval('#source', (source, back) => source.setAttribute('srcset', back), PENGUIN);
    await loaded(page, PENGUIN);
    expect(await lookAgain(page)).toEqual({ state: 'result', text: 'King penguin' });
    await page.close();
  });
});
