/**
 * Load: 20 right-clicks in a row on 20 different photos, without waiting for any answer. Every
 * one must get its own, correct answer (no "busy", no mix-ups), and history must hold all 20.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Classification } from '../../src/shared/types';
import { launchWithExtension, type ExtensionBrowser } from '../../harness/chromium';
import { history, inServiceWorker } from '../../harness/reading';
import { photoBytes } from './fixtures/hostile/images';
import { cards, rightClickAndIdentify, settledCard } from '../../harness/menu';
import { htmlPage, startServer, type TestServer } from '../../harness/server';

/**
 * Photos of ../shared/eval/imagenet-samples-dev the model names right with at least 96 %
 * (from `npm run eval`), so a wrong answer here means a mix-up, not a hard picture. The first
 * test checks that again, one photo at a time, before the load.
 */
const PHOTOS: [file: string, label: string][] = [
  ['n02948072_candle.JPEG', 'candle'],
  ['n04120489_running_shoe.JPEG', 'running shoe'],
  ['n07684084_French_loaf.JPEG', 'baguette'],
  ['n01795545_black_grouse.JPEG', 'black grouse'],
  ['n06874185_traffic_light.JPEG', 'traffic light'],
  ['n09472597_volcano.JPEG', 'volcano'],
  ['n07584110_consomme.JPEG', 'consomme'],
  ['n02916936_bulletproof_vest.JPEG', 'bulletproof vest'],
  ['n02056570_king_penguin.JPEG', 'king penguin'],
  ['n13044778_earthstar.JPEG', 'earth star'],
  ['n02077923_sea_lion.JPEG', 'sea lion'],
  ['n03796401_moving_van.JPEG', 'moving van'],
  ['n03584254_iPod.JPEG', 'iPod'],
  ['n04099969_rocking_chair.JPEG', 'rocking chair'],
  ['n02102480_Sussex_spaniel.JPEG', 'Sussex Spaniel'],
  ['n04487394_trombone.JPEG', 'trombone'],
  ['n01924916_flatworm.JPEG', 'flatworm'],
  ['n02403003_ox.JPEG', 'ox'],
  ['n03662601_lifeboat.JPEG', 'lifeboat'],
  ['n03160309_dam.JPEG', 'dam'],
];

const COLUMNS = 5;
const WIDTH = 240;
const HEIGHT = 180;
const GAP = 12;

describe('load: 20 identifications started at once', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  let hosts: TestServer[] = [];
  let page: Page;

  beforeAll(async () => {
    server = await startServer();
    // The photos come from other origins than the page's: a page's own photos are read from its
    // pixels (no download), and this test is about 20 downloads in flight. At 240 x 180 the photos
    // are under the size read from a screen capture, so each is downloaded (and checked against the screen).
    hosts = [await startServer(), await startServer(), await startServer(), await startServer()];
    ext = await launchWithExtension();
  });
  afterAll(async () => {
    await ext?.close();
    for (const host of [server, ...hosts]) await host?.close();
  });

  it('the model names each photo right on its own (through the service worker\'s engine path)', async () => {
    const labels = await inServiceWorker<string[]>(
      ext,
      `(async () => {
        const out = [];
        for (const file of ${JSON.stringify(PHOTOS.map(([file]) => file))}) {
          const bytes = await (await fetch(${JSON.stringify(`${server.origin}/samples/`)} + file)).arrayBuffer();
          out.push((await globalThis.glimpse.classifyBytes(bytes)).predictions[0].label);
        }
        return out;
      })()`,
      120_000,
    );
    expect(labels).toEqual(PHOTOS.map(([, label]) => label));
  });

  it('20 right-clicks in a row each get their own correct answer', async () => {
    const grid = PHOTOS.map(([file], i) => {
      const left = (i % COLUMNS) * (WIDTH + GAP);
      const top = Math.floor(i / COLUMNS) * (HEIGHT + GAP);
      return `<img id="p${i}" src="${hosts[i % hosts.length]!.origin}/load/${file}" style="position:absolute;left:${left}px;top:${top}px;width:${WIDTH}px;height:${HEIGHT}px">`;
    });
    // The pages get their photos at once; Glimpse's downloads are held until all 20 have been
    // asked for, so all 20 identifications really are in flight together. Chromium opens at
    // most 6 connections to one host and port, so the photos come from 4 servers.
    const held: (() => void)[] = [];
    let peak = 0;
    for (const [i, [file]] of PHOTOS.entries()) {
      hosts[i % hosts.length]!.route(`/load/${file}`, (req, res) => {
        const send = () => res.writeHead(200, { 'content-type': 'image/jpeg' }).end(photoBytes(file));
        if (req.headers['sec-fetch-dest'] === 'image') return send();
        held.push(send);
        peak = Math.max(peak, held.length);
        if (held.length === PHOTOS.length) held.splice(0).forEach((release) => release());
      });
    }
    const valve = setTimeout(() => held.splice(0).forEach((release) => release()), 90_000);
    page = await ext.browser.newPage();
    await page.goto(htmlPage(server, '/load.html', grid.join('\n'), 'Twenty photos'));
    const before = new Set((await history(ext)).map((entry) => entry.id));

    // Quickly, one after another, as fast as the menu can be dispatched: no waiting for answers.
    for (const [i, [file]] of PHOTOS.entries()) {
      const x = (i % COLUMNS) * (WIDTH + GAP) + WIDTH / 2;
      const y = Math.floor(i / COLUMNS) * (HEIGHT + GAP) + HEIGHT / 2;
      await rightClickAndIdentify(ext, page, x, y, { srcUrl: `${hosts[i % hosts.length]!.origin}/load/${file}`, mediaType: 'image' });
    }
    const settled = await settledCard(page, PHOTOS.length, 170_000);
    clearTimeout(valve);
    expect(peak, 'downloads in flight at once').toBe(PHOTOS.length);
    expect(settled).toHaveLength(PHOTOS.length);
    expect(settled.filter((card) => card.state !== 'result').map((card) => `${card.errorCode}: ${card.text}`)).toEqual([]);

    // Each card shows its own photo's answer: the cards are in click order, each beside its photo.
    const shown = (await cards(page)).map((card) => card.text);
    PHOTOS.forEach(([, label], i) => expect(shown[i]?.toLowerCase(), `card ${i}`).toContain(label.toLowerCase()));

    // History holds all 20, each with the answer for the address it came from.
    const added = (await history(ext)).filter((entry) => !before.has(entry.id));
    expect(added).toHaveLength(PHOTOS.length);
    for (const entry of added) {
      const file = decodeURIComponent(new URL(entry.origin.imageUrl!).pathname.split('/').pop()!);
      const expected = PHOTOS.find(([name]) => name === file);
      expect(expected, file).toBeDefined();
      expect((entry as Classification).predictions[0]!.label, file).toBe(expected![1]);
    }
  });

  it('the engine holds no leftover work afterwards', async () => {
    const stats = await inServiceWorker<{ queued: number }>(ext, 'globalThis.glimpse.engineStats()');
    expect(stats.queued).toBe(0);
  });
});
