import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page, type WebWorker } from 'puppeteer-core';
import { installedBrowser, until } from './browsers';

export { until };

/** The built extension under test (GLIMPSE_DIST points elsewhere, e.g. a build made beside dist/). */
export const DIST = resolve(process.cwd(), process.env.GLIMPSE_DIST ?? 'dist');

/** Debian's chromium (never a downloaded browser); CHROMIUM_PATH overrides. */
export const chromiumPath = (): string => installedBrowser('Chromium', 'chromium', 'CHROMIUM_PATH', ['/usr/bin/chromium', '/usr/bin/chromium-browser']);

export interface ExtensionBrowser {
  browser: Browser;
  extensionId: string;
  userDataDir: string;
  worker(): Promise<WebWorker>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

/** A headless Chromium that talks to nobody but the test: no first run, background networking, updates or sync. */
export const QUIET_CHROMIUM = [
  '--headless=new',
  '--no-sandbox',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const CHROMIUM_FLAGS = [...QUIET_CHROMIUM, '--disable-quic', '--enable-unsafe-swiftshader', '--no-default-browser-check', '--window-size=1280,900'];

/** Launches Chromium with the built extension loaded, in a fresh profile unless one is given. */
export async function launchWithExtension(options: { userDataDir?: string; extraArgs?: string[] } = {}): Promise<ExtensionBrowser> {
  const userDataDir = options.userDataDir ?? (await mkdtemp(join(tmpdir(), 'glimpse-profile-')));
  const browser = await puppeteer.launch({
    executablePath: chromiumPath(),
    headless: true,
    protocolTimeout: 60_000,
    userDataDir,
    args: [...CHROMIUM_FLAGS, `--disable-extensions-except=${DIST}`, `--load-extension=${DIST}`, ...(options.extraArgs ?? [])],
    ignoreDefaultArgs: ['--disable-extensions', '--headless'],
    defaultViewport: { width: 1280, height: 900 },
  });
  const workerTarget = await browser.waitForTarget(
    (target) => target.type() === 'service_worker' && target.url().startsWith('chrome-extension://'),
    { timeout: 30_000 },
  );
  const extensionId = new URL(workerTarget.url()).host;
  const worker = async (): Promise<WebWorker> => {
    const target = await browser.waitForTarget(
      (t) => t.type() === 'service_worker' && t.url().startsWith(`chrome-extension://${extensionId}/`),
      { timeout: 30_000 },
    );
    const w = await target.worker();
    if (!w) throw new Error('service worker target has no worker');
    // Wait until the worker's top-level code has run (listeners registered, menu created).
    await until(() => w.evaluate('globalThis.glimpseReady === true').catch(() => false), 'the service worker to start');
    return w;
  };
  await worker();
  return {
    browser,
    extensionId,
    userDataDir,
    worker,
    async close({ keepProfile = false } = {}) {
      await browser.close();
      if (!keepProfile) await rm(userDataDir, { recursive: true, force: true });
    },
  };
}

export async function openPopup(ext: ExtensionBrowser): Promise<Page> {
  const page = await ext.browser.newPage();
  await page.goto(`chrome-extension://${ext.extensionId}/src/popup/index.html`);
  return page;
}
