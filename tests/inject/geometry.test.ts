import type { Browser, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type TestServer } from '../../harness/server';
import { injectedPage, launchPlain } from './support/page';

// A 400 x 200 picture in 300 x 300 boxes: where its pixels are drawn depends on object-fit and object-position.
const PAGE = `
<style>
  body { margin: 0; }
  img { position: absolute; top: 20px; width: 300px; height: 300px; border: 5px solid #000; padding: 5px; }
  #contain { left: 20px; object-fit: contain; object-position: left top; }
  #cover { left: 360px; object-fit: cover; object-position: right center; }
  #fill { left: 700px; }
</style>
<img id="contain" src="/inject/wide.svg" alt="">
<img id="cover" src="/inject/wide.svg" alt="">
<img id="fill" src="/inject/wide.svg" alt="">`;

const WIDE_SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="400" height="200"><rect width="400" height="200" fill="#3b5bdb"/></svg>';

/** Where screen reading sees the picture (area and part) and where the Why? heat-map lies on it, for the img `id`. */
const seen = (page: Page, id: string) =>
  page.evaluate(async (which) => {
    const element = document.getElementById(which)!;
    const sighting = await window.glimpseInject.sightingOf(element);
    const box = window.glimpseInject.pictureBox(element);
    const round = (value: Record<string, number>) => Object.fromEntries(Object.entries(value).map(([key, n]) => [key, Math.round(n * 1000) / 1000]));
    const { left, top, width, height } = sighting.onScreen!.area;
    return { area: round({ left, top, width, height }), part: round({ ...sighting.onScreen!.part }), drawn: round({ ...box.drawn! }) };
  }, id);

describe('one geometry for where a picture is drawn (object-fit and object-position)', () => {
  let browser: Browser;
  let server: TestServer;
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    server.route('/inject/wide.svg', (_request, response) => {
      response.writeHead(200, { 'content-type': 'image/svg+xml' });
      response.end(WIDE_SVG);
    });
    browser = await launchPlain();
    page = await injectedPage(browser, server, '/inject/geometry.html', PAGE);
    await page.setViewport({ width: 1100, height: 400 });
    await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  it('contain at the top left: screen reading and the heat-map both take the band at the top', async () => {
    // Content box at (30, 30); the picture drawn 300 x 150 at its top left.
    expect(await seen(page, 'contain')).toEqual({
      area: { left: 30, top: 30, width: 300, height: 150 },
      part: { x: 0, y: 0, width: 1, height: 1 },
      drawn: { left: 0, top: 0, width: 300, height: 150 },
    });
  });

  it('cover on the right: the visible part is the picture\'s right half', async () => {
    expect(await seen(page, 'cover')).toEqual({
      area: { left: 370, top: 30, width: 300, height: 300 },
      part: { x: 0.5, y: 0, width: 0.5, height: 1 },
      drawn: { left: -300, top: 0, width: 600, height: 300 },
    });
  });

  it('no object-fit: the picture fills its content box', async () => {
    expect(await seen(page, 'fill')).toEqual({
      area: { left: 710, top: 30, width: 300, height: 300 },
      part: { x: 0, y: 0, width: 1, height: 1 },
      drawn: { left: 0, top: 0, width: 300, height: 300 },
    });
  });
});
