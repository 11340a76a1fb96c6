/**
 * The set-up most e2e suites share: the built extension in a new browser and `servers` test
 * servers (the pages' own origin first, then other origins), started before the suite's tests
 * and closed after them; and the tabs a test opens, closed after that test.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchWithExtension, type ExtensionBrowser } from '../../../harness/chromium';
import { startServer, type TestServer } from '../../../harness/server';

export interface ExtensionSuite<Servers extends TestServer[] = TestServer[]> {
  /** The browser with Glimpse (once the suite has started). */
  readonly ext: ExtensionBrowser;
  /** The suite's servers, in the order asked for (once the suite has started). */
  readonly servers: Servers;
  /** A new tab, closed after the test. */
  newPage(): Promise<Page>;
  /** Closes `page` after the test as well (a popup, a second window). */
  closeAfterTest(page: Page): Page;
}

export function extensionSuite(): ExtensionSuite<[TestServer]>;
export function extensionSuite(options: { servers: 2 }): ExtensionSuite<[TestServer, TestServer]>;
export function extensionSuite({ servers = 1 }: { servers?: number } = {}): ExtensionSuite {
  let ext: ExtensionBrowser | undefined;
  let started: TestServer[] = [];
  const pages: Page[] = [];

  beforeAll(async () => {
    started = await Promise.all(Array.from({ length: servers }, () => startServer()));
    ext = await launchWithExtension();
  });
  afterEach(async () => {
    for (const page of pages.splice(0)) await page.close().catch(() => undefined);
  });
  afterAll(async () => {
    await ext?.close();
    await Promise.all(started.map((server) => server.close()));
  });

  const suite: ExtensionSuite = {
    get ext() {
      if (!ext) throw new Error('the suite has not started yet');
      return ext;
    },
    get servers() {
      return started;
    },
    newPage: async () => suite.closeAfterTest(await suite.ext.browser.newPage()),
    closeAfterTest(page) {
      pages.push(page);
      return page;
    },
  };
  return suite;
}
