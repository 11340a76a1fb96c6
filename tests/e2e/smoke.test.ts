import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../harness/chromium';
import { identifyElement, settledCard } from '../../harness/menu';
import { htmlPage, startServer, type TestServer } from '../../harness/server';

describe('the extension loads and works in Chromium', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  const workerErrors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    ext = await launchWithExtension();
    const worker = await ext.worker();
    worker.on('console', (message) => {
      if (message.type() === 'error') workerErrors.push(message.text());
    });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('starts the service worker and creates the "Identify image" menu', async () => {
    const worker = await ext.worker();
    const manifest = await worker.evaluate(() => chrome.runtime.getManifest().manifest_version);
    expect(manifest).toBe(3);
    const menuExists = await worker.evaluate(
      () => new Promise<boolean>((resolve) => chrome.contextMenus.update('identify-image', {}, () => resolve(!chrome.runtime.lastError))),
    );
    expect(menuExists).toBe(true);
  });

  it('renders the popup', async () => {
    const pageErrors: string[] = [];
    const popup = await ext.browser.newPage();
    popup.on('pageerror', (error) => pageErrors.push(String(error)));
    await popup.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
    await popup.waitForSelector('.app[data-ready="true"]');
    expect(await popup.$eval('h1', (heading) => heading.textContent)).toBe('Glimpse');
    expect(await popup.$eval('.upload-button', (button) => button.getAttribute('aria-label'))).toBe('Choose a picture…');
    expect(pageErrors).toEqual([]);
    await popup.close();
  });

  it('identifies a photo on a page, through the offscreen engine', async () => {
    const url = htmlPage(server, '/one.html', '<img id="photo" src="/samples/n02106662_German_shepherd.JPEG" width="400">');
    const page = await ext.browser.newPage();
    await page.goto(url);
    await identifyElement(ext, page, '#photo', { srcUrl: `${server.origin}/samples/n02106662_German_shepherd.JPEG`, mediaType: 'image' });
    const [card] = await settledCard(page);
    expect(card?.state).toBe('result');
    expect(card?.text).toContain('German Shepherd Dog');
    expect(workerErrors).toEqual([]);
  });
});
