/**
 * Hostile input: every bad image a page or a user can hand Glimpse, through the real
 * right-click path (and the popup's upload path where it applies). Each case must end in a
 * clear sentence on the card and in the popup's latest outcome; nothing may crash or hang, and
 * identification and history must keep working afterwards. docs/RELIABILITY.md's table is
 * checked against CASES at the end, so the two cannot drift apart.
 */
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ConsoleMessage, Page, Target } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isRetryable } from '../../src/shared/error-text';
import { LIMITS } from '../../src/shared/limits';
import type { HistoryEntry, LatestOutcome } from '../../src/shared/types';
import { launchWithExtension, openPopup, type ExtensionBrowser } from '../../harness/chromium';
import { brokenImage, cardFailureMessage, englishMessage, englishMessageKey, history, localStorage, settledLatest, uploadInPopup } from '../../harness/reading';
import { CASES, img, PHOTO_PATH, TIMEOUT_CASES, UPLOADS, type Expected } from './fixtures/hostile/cases';
import { PHOTO, photoBytes } from './fixtures/hostile/images';
import { identifyElement, settledCard, type CardState } from '../../harness/menu';
import { htmlPage, startServer, type TestServer } from '../../harness/server';

describe('hostile input: every bad case gets a clear message, nothing is lost', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  let other: TestServer;
  let page: Page;
  const answers: HistoryEntry[] = [];
  const seenCodes: string[] = [];

  /** Loads `body` as a fresh page, right-clicks #target, chooses "Identify image"; returns the settled card and latest outcome. */
  async function identifyOnPage(name: string, body: string) {
    const path = `/case/${encodeURIComponent(name)}.html`;
    await page.goto(htmlPage(server, path, body, name), { waitUntil: 'domcontentloaded' });
    if (body.includes('dataset.ready')) await page.waitForFunction(() => document.body.dataset.ready === 'yes');
    // A person right-clicks what the page has shown: its pictures have arrived (or failed), a picture
    // drawn by CSS is painted. (Servers that never answer get a few seconds, as a person would.)
    await page.waitForNetworkIdle({ idleTime: 150, timeout: 3_000 }).catch(() => undefined);
    const srcUrl = await page.$eval('#target', (el) => (el instanceof HTMLImageElement ? el.src : undefined));
    const since = Date.now();
    await identifyElement(ext, page, '#target', srcUrl ? { srcUrl, mediaType: 'image' } : {});
    const [card] = await settledCard(page, 1, 150_000);
    const latest = await settledLatest(ext, since);
    // A picture the browser could not load shows its broken-image sign: the card says it did not load.
    const broken = await brokenImage(page, '#target');
    return { card: card!, latest, broken };
  }

  async function expectOutcome(card: CardState | undefined, latest: LatestOutcome, expected: Expected, broken = false) {
    if ('answer' in expected) {
      if (card) expect(card, `${card.text} ${JSON.stringify(latest)}`).toMatchObject({ state: 'result', errorCode: null });
      expect(latest.kind, JSON.stringify(latest)).toBe('answer');
      const entry = (await history(ext)).find((e) => latest.kind === 'answer' && e.id === latest.entryId);
      expect(entry, 'the answer is in history').toBeDefined();
      if (expected.label) expect(entry!.predictions[0]!.label, `read via ${entry!.via}`).toBe(expected.label);
      answers.push(entry!);
    } else {
      if (card) {
        expect(card.state, card.text).toBe('error');
        expect(card.errorCode).toBe(expected.code);
        expect(card.text).toContain(cardFailureMessage({ code: expected.code, status: expected.status }, broken));
        // A retry button exactly where trying again can help.
        const retry = englishMessageKey('cardRetry');
        if (isRetryable({ code: expected.code, status: expected.status })) expect(card.text).toContain(retry);
        else expect(card.text).not.toContain(retry);
      }
      expect(latest, JSON.stringify(latest)).toMatchObject({ kind: 'error', error: { code: expected.code } });
      if (expected.status !== undefined) expect(latest).toMatchObject({ error: { status: expected.status } });
      seenCodes.push(expected.code);
    }
  }

  /** Uncaught errors and console errors in the service worker, the engine and the pages: there must be none. */
  const crashes: string[] = [];
  const noteErrors = (where: string) => ({
    console: (message: ConsoleMessage) => {
      if (message.type() === 'error' && where !== 'page') crashes.push(`${where} console.error: ${message.text()}`);
    },
    error: (error: unknown) => crashes.push(`${where} uncaught: ${String(error)}`),
  });

  beforeAll(async () => {
    server = await startServer();
    other = await startServer();
    ext = await launchWithExtension();
    const worker = await ext.worker();
    worker.on('console', noteErrors('service worker').console);
    worker.on('error', noteErrors('service worker').error);
    ext.browser.on('targetcreated', (target: Target) => {
      if (target.type() !== 'background_page') return;
      void target.page().then((engine) => {
        engine?.on('console', noteErrors('engine').console);
        engine?.on('pageerror', noteErrors('engine').error);
      });
    });
    page = await ext.browser.newPage();
    page.on('pageerror', noteErrors('page').error);
    // A good photo first, so there is history to keep.
    const first = await identifyOnPage('first photo', img(PHOTO_PATH));
    await expectOutcome(first.card, first.latest, { answer: true, label: PHOTO.label });
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
    await other?.close();
  });

  for (const testCase of CASES) {
    it(`right-click: ${testCase.name}`, async () => {
      const { card, latest, broken } = await identifyOnPage(testCase.name, testCase.page({ server, other }));
      await expectOutcome(card, latest, testCase.expected, broken);
    });
  }

  it('the scripted SVG ran no script and fetched nothing, on the page or in Glimpse', () => {
    const beacons = [...server.requests, ...other.requests].filter((path) => path.includes('/beacon'));
    expect(beacons).toEqual([]);
  });

  it(`right-click: a server that never answers, or stalls mid-body, ends in a timeout (${LIMITS.fetchTimeoutMs / 1000} s)`, async () => {
    server.route(TIMEOUT_CASES[0].path, () => undefined);
    server.route(TIMEOUT_CASES[1].path, (_req, res) => {
      res.writeHead(200, { 'content-type': 'image/jpeg', 'content-length': 50_000 });
      res.write(photoBytes().subarray(0, 1000));
    });
    // Both at once, in two tabs: the suite waits for the limit once.
    const pages = [page, await ext.browser.newPage()];
    const since = Date.now();
    for (const [i, { name, path }] of TIMEOUT_CASES.entries()) {
      await pages[i]!.goto(htmlPage(server, `/case/timeout-${i}.html`, img(path), name), { waitUntil: 'domcontentloaded' });
      await identifyElement(ext, pages[i]!, '#target', { srcUrl: `${server.origin}${path}`, mediaType: 'image' });
    }
    for (const p of pages) {
      const [card] = await settledCard(p, 1, LIMITS.fetchTimeoutMs + 60_000);
      expect(card).toMatchObject({ state: 'error', errorCode: 'timeout' });
      expect(card!.text).toContain(englishMessage('timeout'));
      expect(card!.text).toContain(englishMessageKey('cardRetry'));
    }
    const latest = await settledLatest(ext, since);
    expect(latest).toMatchObject({ kind: 'error', error: { code: 'timeout' } });
    await pages[1]!.close();
    seenCodes.push('timeout');
  });

  describe('uploads through the popup\'s file picker', () => {
    let popup: Page;
    let files: string;
    beforeAll(async () => {
      files = await mkdtemp(join(tmpdir(), 'glimpse-hostile-uploads-'));
      popup = await openPopup(ext);
      await popup.waitForSelector('#upload-input');
    });
    afterAll(async () => {
      await popup?.close();
      if (files) await rm(files, { recursive: true, force: true });
    });

    for (const upload of UPLOADS) {
      it(upload.name, async () => {
        const since = Date.now();
        const shown = await uploadInPopup(popup, files, upload.file, upload.bytes());
        if ('answer' in upload.expected) {
          expect(shown.state, shown.text).toBe('answer');
          const latest = await settledLatest(ext, since);
          await expectOutcome(undefined, latest, upload.expected);
          if (upload.expected.label) expect(shown.label.toLowerCase()).toBe(upload.expected.label);
        } else {
          const message = englishMessage({ code: upload.expected.code });
          expect(shown, shown.text).toMatchObject({ state: 'error', code: upload.expected.code });
          expect(shown.text).toContain(message);
          // Files the popup can refuse by itself never reach the service worker; the others are its latest outcome too.
          const stored = (await localStorage(ext)).latest as LatestOutcome | undefined;
          if (stored && stored.at >= since) expect(stored).toMatchObject({ kind: 'error', error: { code: upload.expected.code } });
          seenCodes.push(upload.expected.code);
        }
      });
    }
  });

  it('still identifies the next photo, and history kept every answer', async () => {
    const { card, latest } = await identifyOnPage('after the storm', img(PHOTO_PATH));
    await expectOutcome(card, latest, { answer: true, label: PHOTO.label });
    const kept = new Set((await history(ext)).map((entry) => entry.id));
    for (const entry of answers) expect(kept.has(entry.id), `history lost ${entry.id}`).toBe(true);
    expect(kept.size).toBe(answers.length);
    expect(seenCodes).not.toContain('internal');
    expect(crashes).toEqual([]);
    const stats = await localStorage(ext);
    expect(stats.latest).toMatchObject({ kind: 'answer' });
  });

  it('docs/RELIABILITY.md lists every case with the exact message the tests check', () => {
    const doc = readFileSync(join(process.cwd(), 'docs/RELIABILITY.md'), 'utf8');
    // | Case | What the user sees | Code | Try again |
    const rows = new Map(
      doc
        .split('\n')
        .filter((line) => line.startsWith('| '))
        .map((line) => line.split('|').slice(1, -1).map((cell) => cell.trim()))
        .map((cells) => [cells[0]!, cells.slice(1)] as const),
    );
    const all = [
      ...CASES.map((c) => [c.name, c.expected] as const),
      ...UPLOADS.map((c) => [c.name, c.expected] as const),
      ...TIMEOUT_CASES.map((c) => [c.name, { code: 'timeout' } as Expected] as const),
    ];
    for (const [name, expected] of all) {
      const row = rows.get(name);
      expect(row, `docs/RELIABILITY.md has no row for "${name}"`).toBeDefined();
      const [sees, code, retry] = row!;
      if ('answer' in expected) {
        expect(sees, name).toMatch(/^The answer/);
        if (expected.label) expect(sees, name).toContain(expected.label);
      } else {
        expect(sees, name).toBe(englishMessage({ code: expected.code, status: expected.status }));
        expect(code, name).toBe(`\`${expected.code}\``);
        expect(retry, name).toBe(isRetryable({ code: expected.code, status: expected.status }) ? 'yes' : 'no');
      }
    }
  });
});
