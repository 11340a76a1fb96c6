/**
 * Headless Firefox ESR with the built Firefox add-on (dist-firefox/), driven by puppeteer-core
 * over WebDriver BiDi. Debian's firefox-esr, never a downloaded browser (FIREFOX_PATH overrides).
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { GECKO_ID } from '../scripts/build/browsers';
import { installedBrowser, until } from './browsers';

export { until };

export const DIST_FIREFOX = resolve(process.cwd(), process.env.GLIMPSE_DIST_FIREFOX ?? 'dist-firefox');

/** Pinned with a pref, so tests know the extension's pages' addresses before installing it. */
export const EXTENSION_UUID = '0f1e2d3c-4b5a-4697-8a8b-9c0d1e2f3a4b';
export const EXTENSION_ORIGIN = `moz-extension://${EXTENSION_UUID}`;

export const firefoxPath = (): string => installedBrowser('Firefox', 'firefox-esr', 'FIREFOX_PATH', ['/usr/bin/firefox-esr', '/usr/bin/firefox']);

export interface FirefoxWithExtension {
  browser: Browser;
  profileDir: string;
  /** A tab showing one of the extension's pages (`path` under its root), loaded. */
  openExtensionPage(path: string): Promise<Page>;
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  /** Reuse a profile (history kept across a restart). */
  profileDir?: string;
  /** Firefox suspends an idle background page after this long (its default is 30 s). */
  idleTimeoutMs?: number;
  /** More Firefox prefs (e.g. a fake camera: media.navigator.streams.fake). */
  extraPrefs?: Record<string, unknown>;
}

/** Launches Firefox and installs the add-on (a temporary add-on, as about:debugging would). */
export async function launchFirefox(options: LaunchOptions = {}): Promise<FirefoxWithExtension> {
  const profileDir = options.profileDir ?? (await mkdtemp(join(tmpdir(), 'glimpse-firefox-')));
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath(),
    headless: true,
    protocolTimeout: 60_000,
    userDataDir: profileDir,
    // Lets BiDi open moz-extension:// pages and reach the browser window (the real context menu).
    args: ['--remote-allow-system-access'],
    defaultViewport: { width: 1280, height: 900 },
    extraPrefsFirefox: {
      'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: EXTENSION_UUID }),
      // A temporary add-on is removed when Firefox quits; its storage stays for the next install.
      'extensions.webextensions.keepStorageOnUninstall': true,
      'extensions.webextensions.keepUuidOnUninstall': true,
      'extensions.background.idle.timeout': options.idleTimeoutMs ?? 30_000,
      // A permission request is granted as if the person clicked "Allow" in Firefox's prompt.
      'extensions.webextOptionalPermissionPrompts': false,
      'browser.shell.checkDefaultBrowser': false,
      'datareporting.policy.dataSubmissionEnabled': false,
      ...options.extraPrefs,
    },
  });
  await browser.installExtension(DIST_FIREFOX);
  // Installing returns before the add-on has started: pages opened that early get no content script.
  await until(
    () =>
      inBrowserWindow<boolean>(
        { browser },
        `(() => {
          const policy = WebExtensionPolicy.getByID(${JSON.stringify(GECKO_ID)});
          return !!policy && policy.contentScripts.length > 0 && policy.extension?.backgroundState === 'running';
        })()`,
      ),
    'the add-on to start',
  );

  const openExtensionPage = async (path: string): Promise<Page> => {
    const page = await browser.newPage();
    // page.goto() never sees a moz-extension:// load finish: navigate without waiting, then poll.
    await (browser as unknown as BidiBrowser).connection.send('browsingContext.navigate', {
      context: (page.mainFrame() as unknown as { _id: string })._id,
      url: `${EXTENSION_ORIGIN}/${path}`,
      wait: 'none',
    });
    await until(
      () => page.evaluate(() => location.protocol === 'moz-extension:' && document.readyState === 'complete').catch(() => false),
      `${path} to load`,
    );
    return page;
  };

  return {
    browser,
    profileDir,
    openExtensionPage,
    async close({ keepProfile = false } = {}) {
      await browser.close();
      if (!keepProfile) await rm(profileDir, { recursive: true, force: true });
    },
  };
}

interface EvaluateResult {
  type: 'success' | 'exception';
  result?: { type: string; value?: unknown };
  exceptionDetails?: { text: string };
}

async function browserWindowContext(ff: Pick<FirefoxWithExtension, 'browser'>): Promise<string> {
  const { connection } = ff.browser as unknown as BidiBrowser;
  const tree = (await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as unknown as {
    result: { contexts: { context: string; url: string }[] };
  };
  const window = tree.result.contexts.find((c) => c.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('no browser window in the chrome scope (is --remote-allow-system-access set?)');
  return window.context;
}

/** Runs `expression` in the browser window (chrome scope) and returns its value. */
export async function inBrowserWindow<T>(ff: Pick<FirefoxWithExtension, 'browser'>, expression: string): Promise<T> {
  const { connection } = ff.browser as unknown as BidiBrowser;
  const context = await browserWindowContext(ff);
  const answer = (await connection.send('script.evaluate', {
    expression,
    target: { context },
    awaitPromise: true,
    resultOwnership: 'none',
  })) as unknown as { result: EvaluateResult };
  if (answer.result.type === 'exception') throw new Error(`chrome-scope script failed: ${answer.result.exceptionDetails?.text}`);
  return answer.result.result?.value as T;
}

export interface BidiBrowser {
  connection: { send(method: string, params: object): Promise<{ result: unknown }> };
}
