import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../harness/server';
import { injectedPage, launchPlain } from './support/page';

const PAGE = `
<style>
  body { margin: 0; }
  #photo { position: absolute; left: 20px; top: 20px; width: 300px; height: 200px; }
  #veil { position: absolute; left: 0; top: 0; width: 400px; height: 300px; background: transparent; }
  #banner { position: absolute; left: 450px; top: 20px; width: 300px; height: 200px; background: url(/samples/n01882714_koala.JPEG) center / cover; }
  #plain { position: absolute; left: 20px; top: 400px; width: 300px; height: 100px; background: #eee; }
</style>
<img id="photo" src="/samples/n02056570_king_penguin.JPEG" alt="">
<div id="veil"></div>
<div id="banner"><p>Text over a picture</p></div>
<div id="plain">Nothing to see</div>`;

/** What findImageAt says is at a point: the kind, the element's id and the address. */
const at = (page: Page, x: number, y: number) =>
  page.evaluate((px, py) => {
    const target = window.glimpseInject.findImageAt(px, py);
    if (!target) return undefined;
    return { kind: target.kind, id: target.element?.id, url: 'url' in target ? new URL(target.url).pathname : undefined };
  }, x, y);

describe('findImageAt in a real page', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    browser = await launchPlain();
    page = await injectedPage(browser, server, '/inject/find.html', PAGE);
    await page.waitForFunction(() => (document.querySelector('#photo') as HTMLImageElement).complete);
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('sees a picture through a transparent overlay', async () => {
    expect(await at(page, 150, 100)).toEqual({ kind: 'url', id: 'photo', url: '/samples/n02056570_king_penguin.JPEG' });
  });

  it('finds a CSS background under the text written over it', async () => {
    expect(await at(page, 500, 40)).toEqual({ kind: 'url', id: 'banner', url: '/samples/n01882714_koala.JPEG' });
  });

  it('finds nothing where there is no picture', async () => {
    expect(await at(page, 100, 450)).toBeUndefined();
  });
});
