/**
 * Screenshots of the popup with some history, light and dark: docs/popup-light.png and
 * docs/popup-dark.png (the labels on pages: scripts/screenshots-card.mts). Drives the built extension (GLIMPSE_DIST, default dist/) in headless
 * Chromium with the real model; the answers are real identifications of ImageNet samples.
 *
 *   GLIMPSE_DIST=dist npx tsx scripts/screenshots.mts
 */
import { mkdir } from 'node:fs/promises';
import { envelope } from '../src/shared/protocol';
import { launchWithExtension, openPopup, until } from '../harness/chromium';
import { startServer } from '../harness/server';

/** Sample photo, and the page it pretends to come from (only its address is kept in history). */
const SHOTS: [string, string][] = [
  ['n02056570_king_penguin.JPEG', 'https://en.wikipedia.org/wiki/King_penguin'],
  ['n02391049_zebra.JPEG', 'https://www.flickr.com/photos/safari/zebra'],
  ['n02787622_banjo.JPEG', 'https://forum.banjohangout.org/topic/12345'],
  ['n02007558_flamingo.JPEG', 'https://unsplash.com/photos/flamingo'],
  ['n02106662_German_shepherd.JPEG', 'https://www.akc.org/dog-breeds/german-shepherd-dog/'],
  // Last, so the latest answer shows a spread of guesses rather than one near-certain bar.
  ['n01882714_koala.JPEG', 'https://www.nationalgeographic.com/animals/mammals/facts/koala'],
];

const server = await startServer();
const ext = await launchWithExtension();
try {
  const popup = await openPopup(ext);
  await popup.setViewport({ width: 380, height: 600 });
  await popup.waitForSelector('.app[data-ready="true"]');
  for (const [file, pageUrl] of SHOTS) {
    const message = envelope('background', 'identify', {
      source: { kind: 'url', url: `${server.origin}/samples/${file}` },
      origin: { pageUrl, pageTitle: pageUrl },
    });
    const outcome = await popup.evaluate((sent: typeof message) => chrome.runtime.sendMessage(sent), message);
    console.log(file, (outcome as { ok: boolean }).ok ? 'ok' : JSON.stringify(outcome));
  }
  await until(() => popup.$eval('.engine', (el) => el.getAttribute('data-engine-state') === 'ready'), 'the engine to be ready', 120_000);
  await until(async () => (await popup.$$('.entry')).length === SHOTS.length, 'the history to fill');
  await mkdir('docs', { recursive: true });
  for (const scheme of ['light', 'dark'] as const) {
    await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
    await popup.mouse.move(0, 0);
    await new Promise((r) => setTimeout(r, 300));
    await popup.screenshot({ path: `docs/popup-${scheme}.png`, clip: { x: 0, y: 0, width: 380, height: 600 } });
    console.log(`docs/popup-${scheme}.png`);
  }
  if (process.env.GLIMPSE_SHOT_DETAIL) {
    await popup.click('.entry-open');
    await popup.waitForSelector('.detail');
    await popup.screenshot({ path: '.tmp/popup-detail.png', clip: { x: 0, y: 0, width: 380, height: 600 } });
    console.log('.tmp/popup-detail.png');
  }
} finally {
  await ext.close();
  await server.close();
}
