/**
 * Pages that own the pointer (issue 19, "Deliver 6"): Alt+Shift+G with the pointer over an embed
 * from another site names what is under the pointer there, not the photo it left beside it; and
 * "Identify a region…" draws its box on a page that handles pointer presses itself (a drawing
 * app, a map, a game: a capture-phase listener on window that stops every press). Real model.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boxesOf, touches } from './support/card-geometry';
import { launchWithExtension, type ExtensionBrowser } from '../../harness/chromium';
import { pressCommand } from '../../harness/commands';
import { history } from '../../harness/reading';
import { cards, settledCard } from '../../harness/menu';
import { selectRegion } from '../../harness/region';
import { htmlPage, startServer, type TestServer } from '../../harness/server';

const PENGUIN = '/samples/n02056570_king_penguin.JPEG';
const ZEBRA = '/samples/n02391049_zebra.JPEG';

describe('pages that own the pointer', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  /** Another site, for the embed. */
  let other: TestServer;

  beforeAll(async () => {
    server = await startServer();
    other = await startServer();
    ext = await launchWithExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
    await other?.close();
  });

  async function open(url: string): Promise<Page> {
    const page = await ext.browser.newPage();
    await page.setViewport({ width: 1100, height: 700 });
    await page.goto(url, { waitUntil: 'load' });
    await page.bringToFront();
    return page;
  }

  it('Alt+Shift+G over an embed from another site names the picture under the pointer in it, not the photo beside it', async () => {
    const embed = htmlPage(other, '/embed/zebra.html', `<img id="zebra" src="${ZEBRA}" style="display:block;width:400px;height:300px;object-fit:cover">`, 'An embedded post');
    const url = htmlPage(server, '/article/embed.html', `<div style="display:flex;gap:0;margin:20px">
      <img id="penguin" src="${PENGUIN}" style="display:block;width:400px;height:300px;object-fit:cover">
      <iframe id="post" src="${embed}" style="width:400px;height:300px;border:0;margin:0;display:block" scrolling="no"></iframe>
    </div>`, 'An article with an embedded post');
    const page = await open(url);
    await page.waitForFunction(() => (document.querySelector('#post') as HTMLIFrameElement).offsetWidth > 0);
    const frame = await (await page.$('#post'))!.contentFrame();
    await frame!.waitForFunction(() => (document.querySelector('#zebra') as HTMLImageElement | null)?.complete === true);
    const [photo] = await boxesOf(page, '#penguin');
    const [post] = await boxesOf(page, '#post');
    // The pointer rests on the photo, then moves across into the embed and stops over its picture.
    await page.mouse.move(photo!.left + photo!.width / 2, photo!.top + photo!.height / 2);
    await page.mouse.move(post!.left + post!.width / 2, post!.top + post!.height / 2, { steps: 8 });
    await pressCommand(ext, page, 'identify-pointer');
    const [card] = await settledCard(page, 1);
    expect(card!.state, card!.text).toBe('result');
    expect(card!.text.toLowerCase()).toContain('zebra');
    expect(card!.frameUrl).toBe(embed);
    expect(await cards(page)).toHaveLength(1);

    // Back onto the photo: the shortcut names it again.
    await page.mouse.move(photo!.left + photo!.width / 2, photo!.top + photo!.height / 2, { steps: 8 });
    await pressCommand(ext, page, 'identify-pointer');
    const both = await settledCard(page, 2);
    const penguin = both.find((shown) => shown.frameUrl === url);
    expect(penguin?.text.toLowerCase()).toContain('king penguin');
    await page.close();
  });

  it('region select on a page that stops every pointer press in a capture-phase listener: the box is drawn and its picture named', async () => {
    const url = htmlPage(server, '/app/drawing.html', `
      <canvas id="board" width="900" height="600" style="position:absolute;left:0;top:0;width:900px;height:600px"></canvas>
      <img id="photo" src="${PENGUIN}" style="position:absolute;left:80px;top:80px;width:400px;height:300px;object-fit:cover">
      <p id="strokes" style="position:absolute;left:20px;top:620px">0</p>
      <script>
        // A drawing app: every press on the page starts a stroke, and nothing else may see it.
        let strokes = 0;
        for (const type of ['pointerdown', 'mousedown', 'pointermove', 'pointerup', 'mouseup', 'click']) {
          window.addEventListener(type, (event) => {
            if (type === 'pointerdown') document.getElementById('strokes').textContent = String(++strokes);
            event.stopPropagation();
            event.preventDefault();
          }, true);
        }
      </script>`, 'A drawing app');
    const page = await open(url);
    const [photo] = await boxesOf(page, '#photo');
    const rowsBefore = (await history(ext)).length;
    await selectRegion(ext, page, { left: photo!.left + 20, top: photo!.top + 20, width: photo!.width - 40, height: photo!.height - 40 });
    const [card] = await settledCard(page, 1);
    expect(card!.state, card!.text).toBe('result');
    expect(card!.text.toLowerCase()).toContain('king penguin');
    expect(touches(card!.box!, photo!)).toBe(true);
    // The page is no longer dimmed, and the drag drew no stroke in the app.
    expect(await page.$('[data-glimpse-region]')).toBeNull();
    expect(await page.$eval('#strokes', (node) => node.textContent)).toBe('0');
    expect((await history(ext)).length).toBe(rowsBefore + 1);
    await page.close();
  });
});
