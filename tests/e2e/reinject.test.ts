/**
 * Pages open before Glimpse was updated, reloaded or switched on: Chrome injects manifest
 * content scripts only into pages loaded afterwards, and an update leaves the old copies
 * orphaned. Users keep tabs open for days: those pages must still get their card, and the old
 * copy must go quiet without errors. (Part of the hostile suite: docs/RELIABILITY.md,
 * "Hostile pages".)
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, until, type ExtensionBrowser } from '../../harness/chromium';
import { PHOTO_PATH } from './fixtures/hostile/cases';
import { inServiceWorker, resumeRestartedWorkers } from '../../harness/reading';
import { PHOTO } from './fixtures/hostile/images';
import { imagesLoaded, targetAndDecoy, VOLCANO_PATH } from './fixtures/hostile/pages';
import { touches } from './support/card-geometry';
import { cards, identifyElement, settledCard } from '../../harness/menu';
import { htmlPage, startServer, type TestServer } from '../../harness/server';

describe('pages open before an update, a reload or switching Glimpse on', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  let stopResuming: () => Promise<void>;
  const errors: string[] = [];

  beforeAll(async () => {
    server = await startServer();
    ext = await launchWithExtension();
    stopResuming = await resumeRestartedWorkers(ext);
  });
  afterAll(async () => {
    await stopResuming?.();
    await ext?.close();
    await server?.close();
  });

  /** Chrome's extensions page, where a person switches developer mode and extensions on and off. */
  async function onExtensionsPage<T>(action: string): Promise<T> {
    const ui = await ext.browser.newPage();
    try {
      await ui.goto('chrome://extensions', { waitUntil: 'load' });
      return (await ui.evaluate(action)) as T;
    } finally {
      await ui.close();
    }
  }

  /** Whether the page's top frame has a content script of the running Glimpse. */
  const hasScript = (page: Page) =>
    inServiceWorker<boolean>(ext, `chrome.tabs.query({}).then((tabs) => {
      const tab = tabs.find((t) => t.url === ${JSON.stringify(page.url())});
      return chrome.tabs.sendMessage(tab.id, { glimpse: 1, to: 'content', type: 'ping', payload: {} }, { frameId: 0 }).then((a) => a?.ready === true, () => false);
    })`);

  async function open(name: string): Promise<Page> {
    const page = await ext.browser.newPage();
    page.on('pageerror', (error) => errors.push(`${name}: ${String(error)}`));
    page.on('console', (message) => {
      if (message.type() === 'error' && !message.text().includes('Failed to load resource')) errors.push(`${name} console: ${message.text()}`);
    });
    await page.goto(htmlPage(server, `/reinject/${name}.html`, targetAndDecoy(), name), { waitUntil: 'load' });
    await imagesLoaded(page);
    return page;
  }

  /**
   * Whether the reloaded Glimpse's worker has run its script. One look is bounded: a look that
   * caught the old worker as it went away can hang on it, and the next look finds the new one.
   */
  const glimpseIsBack = (): Promise<boolean> =>
    Promise.race([
      inServiceWorker<boolean>(ext, 'globalThis.glimpseReady === true', 5_000),
      new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 8_000)),
    ]).catch(() => false);

  /**
   * Right-click on `selector` and "Identify image", with the worker reached through DevTools
   * each time (after a reload, the worker puppeteer first saw is gone).
   */
  async function rightClickAndChoose(page: Page, selector: string, srcUrl: string) {
    const box = (await (await page.$(selector))!.boundingBox())!;
    await page.bringToFront();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
    const info = { menuItemId: 'identify-image', editable: false, pageUrl: page.url(), srcUrl, mediaType: 'image', frameId: 0 };
    await inServiceWorker(ext, `chrome.tabs.query({}).then((tabs) => {
      chrome.contextMenus.onClicked.dispatch(${JSON.stringify(info)}, tabs.find((t) => t.url === ${JSON.stringify(page.url())}));
      return true;
    })`);
    return box;
  }

  it('after Glimpse reloads (as after every update), a page open since before still gets its card; the old copy goes quiet', async () => {
    const page = await open('open-for-days');
    await identifyElement(ext, page, '#target', { srcUrl: `${server.origin}${PHOTO_PATH}`, mediaType: 'image' });
    expect((await settledCard(page, 1))[0]!.text.toLowerCase()).toContain(PHOTO.label);
    // Chromium keeps an unpacked extension enabled across a reload only in developer mode, as a developer's browser is.
    await onExtensionsPage('chrome.developerPrivate.updateProfileConfiguration({ inDeveloperMode: true })');
    await inServiceWorker(ext, 'chrome.runtime.reload()').catch(() => undefined);
    await until(glimpseIsBack, 'Glimpse to come back', 60_000);
    // The old copy's card is gone with it.
    await until(async () => (await cards(page)).length === 0, 'the orphaned card to be removed', 15_000);
    // The user right-clicks again, on the other picture: the new copy answers, beside it.
    await until(() => hasScript(page), 'the new copy of the content script to answer');
    await rightClickAndChoose(page, '#decoy', `${server.origin}${VOLCANO_PATH}`);
    const settled = await settledCard(page, 1);
    expect(settled).toHaveLength(1);
    expect(settled[0]!.state, settled[0]!.text).toBe('result');
    expect(settled[0]!.text.toLowerCase()).toContain('volcano');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a page opened while Glimpse was switched off: "Identify image" injects the content script and the card appears beside the picture', async () => {
    await onExtensionsPage(`chrome.management.setEnabled(${JSON.stringify(ext.extensionId)}, false)`);
    const page = await open('opened-while-off');
    await onExtensionsPage(`chrome.management.setEnabled(${JSON.stringify(ext.extensionId)}, true)`);
    await until(glimpseIsBack, 'Glimpse to come back', 60_000);
    expect(await hasScript(page)).toBe(false);
    const box = await rightClickAndChoose(page, '#target', `${server.origin}${PHOTO_PATH}`);
    const [card] = await settledCard(page, 1);
    expect(card!.state, card!.text).toBe('result');
    expect(card!.text.toLowerCase()).toContain(PHOTO.label);
    const picture = { left: box.x, top: box.y, width: box.width, height: box.height };
    expect(touches(card!.box!, picture), `card ${JSON.stringify(card!.box)} by picture ${JSON.stringify(picture)}`).toBe(true);
    expect(await hasScript(page)).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
