/**
 * What is named is what the user saw when they asked, while the page moves and whatever the page
 * does: photos from another site (read from the screen) are named right when the page scrolls by
 * itself just after the right-click, when the user wheel-scrolls through "Identify all", and when
 * the page watches for Glimpse preparing a capture in order to show a decoy then.
 */
import type { Page } from 'puppeteer-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { extensionSuite } from './support/extension-suite';
import type { HistoryEntry } from '../../src/shared/types';
import { until, type ExtensionBrowser } from '../../harness/chromium';
import { pressCommand } from '../../harness/commands';
import { history, inServiceWorker } from '../../harness/reading';
import { photoBytes } from './fixtures/hostile/images';
import { identifyElement, rightClickAndIdentify, settledCard } from '../../harness/menu';
import { pillWhen } from '../../harness/scan-pill';
import { htmlPage, type TestServer } from '../../harness/server';

const PHOTOS = [
  'n02056570_king_penguin.JPEG', 'n02007558_flamingo.JPEG', 'n02437616_llama.JPEG', 'n02077923_sea_lion.JPEG',
  'n07684084_French_loaf.JPEG', 'n01882714_koala.JPEG', 'n02391049_zebra.JPEG', 'n07747607_orange.JPEG',
  'n09472597_volcano.JPEG', 'n02488702_colobus.JPEG',
];
const fileOf = (url: string | undefined) => PHOTOS.find((file) => url?.endsWith(`/samples/${file}`));

/** Photos stacked with no gap, each 400x300: a crop taken from a stale place shows a neighbour. */
const column = (origin: string, files = PHOTOS) =>
  `<div style="width: 400px; margin: 40px">${files
    .map((file, i) => `<img id="p${i}" src="${origin}/samples/${file}" style="display: block; width: 400px; height: 300px; object-fit: cover">`)
    .join('')}</div><div style="height: 1200px"></div>`;

describe('what is named is what the user saw, while the page moves', () => {
  const suite = extensionSuite({ servers: 2 });
  let ext: ExtensionBrowser;
  let site: TestServer;
  /** Another origin without CORS: the page cannot read these pictures, so they are read from the screen. */
  let images: TestServer;
  /** Each photo's three most likely classes from its own file (the engine's answer for its bytes). */
  const topClasses = new Map<string, number[]>();

  beforeAll(async () => {
    ({ ext, servers: [site, images] } = suite);
    for (const file of PHOTOS) {
      const base64 = photoBytes(file).toString('base64');
      const answer = await inServiceWorker<{ predictions: { classIndex: number }[] }>(
        ext,
        `globalThis.glimpse.classifyBytes(Uint8Array.from(atob(${JSON.stringify(base64)}), (c) => c.charCodeAt(0)).buffer)`,
      );
      topClasses.set(file, answer.predictions.slice(0, 3).map((p) => p.classIndex));
    }
  });

  async function open(path: string, body: string): Promise<Page> {
    const page = await suite.newPage();
    await page.setViewport({ width: 1000, height: 800 });
    await page.goto(htmlPage(site, path, body), { waitUntil: 'load' });
    await page.waitForFunction(() => [...document.images].every((img) => img.complete && img.naturalWidth > 0));
    return page;
  }

  /** Whether an answer names `file` (its first class is one of the photo's own three likeliest). */
  const names = (entry: HistoryEntry, file: string) => topClasses.get(file)!.includes(entry.predictions[0]!.classIndex);

  const entriesOf = async (page: Page) => (await history(ext)).filter((entry) => entry.origin.pageUrl === page.url());

  it('a page that scrolls by itself just after the right-click: the label names the photo right-clicked', async () => {
    // Like an auto-advancing feed: a right-click sets off 450 px of smooth scrolling.
    const page = await open('/scrolls.html', `${column(images.origin)}<script>
      addEventListener('contextmenu', () => {
        let moved = 0;
        const step = () => { scrollBy(0, 15); moved += 15; if (moved < 450) requestAnimationFrame(step); };
        requestAnimationFrame(step);
      });
    </script>`);
    const box = await page.$eval('#p1', (img) => img.getBoundingClientRect().toJSON() as DOMRect);
    await rightClickAndIdentify(ext, page, box.left + box.width / 2, box.top + box.height / 2);
    const [card] = await settledCard(page, 1);
    expect(card!.state, card!.text).toBe('result');
    const [entry] = await entriesOf(page);
    expect(entry!.via).toBe('capture');
    expect(names(entry!, PHOTOS[1]!), `answered ${entry!.predictions[0]!.label} for ${PHOTOS[1]}`).toBe(true);
  });

  it('wheel-scrolling through "Identify all": every label names its own photo', async () => {
    const page = await open('/wheel.html', column(images.origin));
    await page.mouse.move(500, 400);
    await pressCommand(ext, page, 'identify-page');
    // A person scrolling as they watch: bursts of wheel notches, down then up, with short pauses.
    let wheeling = true;
    const wheel = (async () => {
      for (let burst = 0; wheeling; burst++) {
        const down = Math.floor(burst / 6) % 2 === 0;
        for (let notch = 0; notch < 4 && wheeling; notch++) {
          await page.mouse.wheel({ deltaY: down ? 100 : -100 });
          await new Promise((resolve) => setTimeout(resolve, 30));
        }
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    })();
    try {
      await pillWhen(page, (pill) => pill.state === 'done' && pill.total === PHOTOS.length, 'the scan to label all ten photos', 240_000);
    } finally {
      wheeling = false;
      await wheel;
    }
    const entries = await entriesOf(page);
    expect(entries).toHaveLength(PHOTOS.length);
    const wrong = entries.filter((entry) => !names(entry, fileOf(entry.origin.imageUrl)!));
    expect(wrong.map((entry) => `${fileOf(entry.origin.imageUrl)} named ${entry.predictions[0]!.label}`)).toEqual([]);
  });

  it('a page that shows a decoy when it sees Glimpse hiding its elements: the answer is the real picture', async () => {
    // The page watches everything it can (its whole DOM, attributes, and each frame's styles of
    // Glimpse's hosts); at any change to them it shows a llama over the penguin for a second.
    const page = await open('/decoy.html', `<div style="position: relative; width: 400px; height: 300px; margin: 40px">
      <img id="real" src="${images.origin}/samples/${PHOTOS[0]}" style="position: absolute; inset: 0; width: 400px; height: 300px">
      <img id="decoy" src="${images.origin}/samples/${PHOTOS[2]}" style="position: absolute; inset: 0; width: 400px; height: 300px; visibility: hidden">
    </div><script>
      window.seen = [];
      const decoy = () => {
        document.getElementById('decoy').style.visibility = 'visible';
        setTimeout(() => (document.getElementById('decoy').style.visibility = 'hidden'), 1000);
      };
      const glimpse = (node) => node instanceof Element && node.localName.startsWith('glimpse-');
      new MutationObserver((records) => {
        for (const record of records) {
          if (record.type !== 'attributes' || !glimpse(record.target)) continue;
          // What hiding a host for a capture would change: a marking attribute, or its opacity.
          const hiding = record.attributeName === 'style' ? record.target.style.opacity === '0' : /hidden|capture/.test(record.attributeName);
          if (hiding) (seen.push(record.attributeName), decoy());
        }
      }).observe(document.documentElement, { subtree: true, attributes: true, attributeOldValue: true });
      const styles = new Map();
      const look = () => {
        for (const host of document.querySelectorAll('glimpse-card')) {
          const now = getComputedStyle(host).opacity + getComputedStyle(host).visibility;
          if (styles.has(host) && styles.get(host) !== now && now.startsWith('0')) (seen.push('opacity'), decoy());
          styles.set(host, now);
        }
        requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    </script>`);
    // Twice: the second time, the first label is on the picture and must be left out of the capture.
    for (const round of [1, 2]) {
      await identifyElement(ext, page, '#real');
      // The answer of this round in history (written just after the label shows).
      const entries = await until(async () => {
        const all = (await entriesOf(page)).sort((a, b) => b.createdAt - a.createdAt);
        return all.length === round ? all : undefined;
      }, `answer ${round} in history`, 120_000);
      const settled = await settledCard(page, 1);
      expect(settled.at(-1)!.state).toBe('result');
      expect(entries[0]!.via).toBe('capture');
      expect(names(entries[0]!, PHOTOS[0]!), `answered ${entries[0]!.predictions[0]!.label}`).toBe(true);
    }
    expect(await page.evaluate(() => (window as unknown as { seen: string[] }).seen)).toEqual([]);
    // Nothing of the capture is kept: each crop went to its identification.
    await until(async () => (await inServiceWorker<number>(ext, 'globalThis.glimpse.heldCrops()')) === 0, 'no capture held');
  });
});
