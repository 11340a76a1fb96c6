import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HistoryEntry } from '../../src/shared/types';
import { until } from '../../harness/chromium';
import { startServer, type TestServer } from '../../harness/server';
import { injectedPage, launchPlain } from './support/page';

const PICTURE = { left: 120, top: 90, width: 480, height: 320 };
const PAGE = `<img id="photo" src="/samples/n02056570_king_penguin.JPEG" alt=""
  style="position:absolute; left:${PICTURE.left}px; top:${PICTURE.top}px; width:${PICTURE.width}px; height:${PICTURE.height}px">`;

const entry: HistoryEntry = {
  id: 'e1', createdAt: 1, origin: {}, backend: 'wasm', inferenceMs: 20, totalMs: 41, width: 480, height: 320, thumbnail: '',
  predictions: [
    { label: 'king penguin', synonyms: ['king penguin', 'Aptenodytes patagonica'], classIndex: 145, probability: 0.94 },
    { label: 'drake', synonyms: ['drake'], classIndex: 97, probability: 0.02 },
  ],
};

interface Shown {
  state: string | null;
  chip: string;
  chipBox: { left: number; top: number; right: number; bottom: number };
  visible: boolean;
}

/** The card as a person sees it: its state, the label's words and where the label is. */
const shown = (page: Page): Promise<Shown> =>
  page.evaluate(() => {
    const host = document.querySelector('[data-glimpse-card]') as HTMLElement;
    const chip = host.shadowRoot!.querySelector('.chip') as HTMLElement;
    const { left, top, right, bottom } = chip.getBoundingClientRect();
    return {
      state: host.shadowRoot!.querySelector('.glimpse')!.getAttribute('data-state'),
      chip: chip.innerText.replace(/\s+/g, ' ').trim(),
      chipBox: { left, top, right, bottom },
      visible: getComputedStyle(host).visibility === 'visible',
    };
  });

describe('the card in a page, on a stubbed extension API', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchPlain();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('pins the answer\'s label onto its picture, inside it', async () => {
    page = await injectedPage(browser, server, '/inject/card.html', PAGE);
    await page.evaluate((answer) => {
      const card = new window.glimpseInject.ResultCard(document.querySelector('#photo')!, { x: 300, y: 200 });
      card.showResult(answer);
    }, entry);
    const card = await until(async () => {
      const now = await shown(page);
      return now.visible && now.state === 'result' ? now : undefined;
    }, 'the label to be placed');
    expect(card.chip.toLowerCase()).toContain('king penguin');
    expect(card.chipBox.left).toBeGreaterThanOrEqual(PICTURE.left);
    expect(card.chipBox.top).toBeGreaterThanOrEqual(PICTURE.top);
    expect(card.chipBox.right).toBeLessThanOrEqual(PICTURE.left + PICTURE.width);
    expect(card.chipBox.bottom).toBeLessThanOrEqual(PICTURE.top + PICTURE.height);
  });

  it('goes from "warming up" to "identifying" as the engine gets ready', async () => {
    page = await injectedPage(browser, server, '/inject/working.html', PAGE);
    await page.evaluate(() => {
      const card = new window.glimpseInject.ResultCard(document.querySelector('#photo')!, { x: 300, y: 200 });
      card.showWorking(true);
      (window as unknown as { card: typeof card }).card = card;
    });
    await until(async () => (await shown(page)).chip === 'Warming up the model (first time only)…', 'the warming state');
    await page.evaluate(() => (window as unknown as { card: { showWorking(w: boolean): void } }).card.showWorking(false));
    await until(async () => (await shown(page)).chip === 'Identifying…', 'the working state');
    expect((await shown(page)).state).toBe('working');
  });

  it('explains a failure and retries when asked', async () => {
    page = await injectedPage(browser, server, '/inject/error.html', PAGE);
    await page.evaluate(() => {
      const card = new window.glimpseInject.ResultCard(document.querySelector('#photo')!, { x: 300, y: 200 });
      card.showError({ code: 'network' }, () => Object.assign(window, { retried: true }));
    });
    await until(async () => {
      const now = await shown(page);
      return now.visible && now.state === 'error';
    }, 'the error state, shown');
    const text = await page.evaluate(() => (document.querySelector('[data-glimpse-card]')!.shadowRoot!.querySelector('.glimpse') as HTMLElement).innerText);
    expect(text).toContain('The image could not be downloaded.');
    await page.evaluate(() => {
      const buttons = [...document.querySelector('[data-glimpse-card]')!.shadowRoot!.querySelectorAll('button')];
      buttons.find((button) => button.innerText.trim() === 'Try again')!.click();
    });
    expect(await page.evaluate(() => (window as unknown as { retried?: boolean }).retried)).toBe(true);
  });
});
