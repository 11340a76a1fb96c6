import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPopup, until, type ExtensionBrowser } from './chromium';
import { cards, identifyElement, settledCard } from './menu';
import { htmlPage, startServer, type TestServer } from './server';

describe('the extension loads and works in Chromium', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  const workerErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    ext = await launchWithExtension();
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('starts the service worker and creates the "Identify image" menu', async () => {
    const worker = await ext.worker();
    const manifest = await worker.evaluate(() => chrome.runtime.getManifest().manifest_version);
    expect(manifest).toBe(3);
    expect(workerErrors).toEqual([]);
  });

  it('renders the popup', async () => {
    const popup = await openPopup(ext);
    await popup.waitForSelector('main');
    expect(await popup.$eval('main', (m) => m.textContent)).toContain('Glimpse');
    await popup.close();
  });

  it('identifies a photo on a page, through the offscreen engine', async () => {
    const url = htmlPage(server, '/one.html', '<img id="photo" src="/samples/n02106662_German_shepherd.JPEG" width="400">');
    const page = await ext.browser.newPage();
    await page.goto(url);
    await identifyElement(ext, page, '#photo', { srcUrl: `${server.origin}/samples/n02106662_German_shepherd.JPEG`, mediaType: 'image' });
    const [card] = await settledCard(page);
    console.log(card);
    expect(card?.state).toBe('result');
  });
});
