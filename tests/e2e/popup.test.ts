/**
 * The popup in real Chromium with the real model: uploads (picker, drop, paste), the latest
 * answer, history (live updates, details, delete, clear, surviving a restart), engine status
 * and the backend setting. No mocks: every answer comes from the offscreen engine.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { ElementHandle, Page } from 'puppeteer-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { launchWithExtension, openPopup, until, type ExtensionBrowser } from '../../harness/chromium';
import { identifyElement, settledCard } from '../../harness/menu';
import { htmlPage, SAMPLES_DIR, startServer, type TestServer } from '../../harness/server';

const ANSWER_TIMEOUT = 150_000;

interface Latest {
  state: string | null;
  errorCode: string | null;
  label: string;
  text: string;
}

const latest = (popup: Page): Promise<Latest> =>
  popup.$eval('.latest', (section) => ({
    state: section.getAttribute('data-state'),
    errorCode: section.getAttribute('data-error-code'),
    label: section.querySelector('.label')?.textContent?.trim() ?? '',
    text: (section as HTMLElement).innerText.replace(/\s+/g, ' ').trim(),
  }));

/** Waits for the latest area to settle on an answer or an error (not the one shown before, if given). */
async function settledLatest(popup: Page, previousText?: string): Promise<Latest> {
  return until(
    async () => {
      const now = await latest(popup);
      return (now.state === 'answer' || now.state === 'error') && now.text !== previousText ? now : undefined;
    },
    'the popup to show an answer',
    ANSWER_TIMEOUT,
  );
}

const historyLabels = (popup: Page): Promise<string[]> =>
  popup.$$eval('.entry .entry-label', (labels) => labels.map((label) => label.textContent?.trim() ?? ''));

interface Row {
  label: string;
  confidence: string;
  site: string;
  time: string;
}

const historyRows = (popup: Page): Promise<Row[]> =>
  popup.$$eval('.entry', (rows) =>
    rows.map((row) => {
      const text = (selector: string) => row.querySelector(selector)?.textContent?.trim() ?? '';
      return { label: text('.entry-label'), confidence: text('.entry-confidence'), site: text('.entry-site'), time: text('time') };
    }),
  );

/** Uncaught exceptions and console errors of every popup opened (there should be none). */
const problems: string[] = [];

async function open(ext: ExtensionBrowser): Promise<Page> {
  const popup = await openPopup(ext);
  popup.on('pageerror', (error) => problems.push(`pageerror: ${String(error)}`));
  popup.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console.error: ${message.text()}`);
  });
  await popup.setViewport({ width: 380, height: 600 });
  await popup.waitForSelector('.app[data-ready="true"]');
  return popup;
}

async function fileInput(popup: Page): Promise<ElementHandle<HTMLInputElement>> {
  return (await popup.$('#upload-input')) as ElementHandle<HTMLInputElement>;
}

/** Builds a File from a sample inside the popup and hands it over as `how` would (a drop or a paste). */
async function handOver(popup: Page, how: 'drop' | 'paste', sample: string): Promise<void> {
  const base64 = (await readFile(join(SAMPLES_DIR, sample))).toString('base64');
  await popup.evaluate(
    (data: string, name: string, kind: string) => {
      const bytes = Uint8Array.from(atob(data), (c) => c.charCodeAt(0));
      const transfer = new DataTransfer();
      transfer.items.add(new File([bytes], name, { type: 'image/jpeg' }));
      if (kind === 'paste') {
        document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
      } else {
        const target = document.querySelector('.latest') ?? document.body;
        target.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
      }
    },
    base64,
    sample,
    how,
  );
}

describe('the popup', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  let files: string;

  beforeAll(async () => {
    server = await startServer();
    ext = await launchWithExtension();
    files = await mkdtemp(join(tmpdir(), 'glimpse-popup-files-'));
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
    if (files) await rm(files, { recursive: true, force: true });
  });
  afterEach(() => {
    expect(problems.splice(0)).toEqual([]);
  });

  it('starts the engine and, with no history yet, says how to identify an image', async () => {
    const popup = await open(ext);
    expect(await popup.$eval('.empty', (p) => p.textContent)).toMatch(/Right-click any image/);
    expect(await popup.$('.latest[hidden]')).not.toBeNull();
    // Opening the popup warms the engine; the header follows it to "Ready".
    await until(() => popup.$eval('.engine', (p) => p.getAttribute('data-engine-state') === 'ready'), 'the engine to be ready', ANSWER_TIMEOUT);
    expect(await popup.$eval('.engine', (p) => p.textContent)).toMatch(/^Ready · (WebGL|WASM · \d threads?|CPU)$/);
    expect(await popup.$('.progress')).toBeNull();
    await popup.close();
  });

  it('identifies a photo chosen with the file picker', async () => {
    const popup = await open(ext);
    await (await fileInput(popup)).uploadFile(join(SAMPLES_DIR, 'n02106662_German_shepherd.JPEG'));
    const answer = await settledLatest(popup);
    expect(answer.state).toBe('answer');
    expect(answer.label).toBe('German Shepherd Dog');
    expect(answer.text).toMatch(/\d+% sure/);
    expect(answer.text).toContain('n02106662_German_shepherd.JPEG');
    // The top 5 and the engine's time are one click away (the compact answer leaves room for history).
    expect(await popup.$eval('.latest .more-toggle', (button) => button.getAttribute('aria-expanded'))).toBe('false');
    await popup.click('.latest .more-toggle');
    expect((await latest(popup)).text).toMatch(/(WebGL|WASM|CPU) · \d+ ms/);
    expect(await popup.$$eval('.latest .top5 li', (items) => items.length)).toBe(5);
    await until(async () => (await historyLabels(popup))[0] === 'German Shepherd Dog', 'the upload to reach history');
    expect((await historyRows(popup))[0]).toMatchObject({ label: 'German Shepherd Dog', site: 'Uploaded file', time: 'just now' });
    await popup.close();
  });

  it('explains uploads it cannot identify, before sending them', async () => {
    const popup = await open(ext);
    const before = (await latest(popup)).text;

    const text = join(files, 'notes.txt');
    await writeFile(text, 'these are not the pixels you are looking for');
    await (await fileInput(popup)).uploadFile(text);
    let shown = await settledLatest(popup, before);
    expect(shown).toMatchObject({ state: 'error', errorCode: 'not-an-image' });
    expect(shown.text).toContain('Could not identify the image');
    expect(shown.text).toContain('That file is not an image Glimpse can read');

    // Named like a photo, but the bytes say otherwise.
    const fake = join(files, 'holiday.jpg');
    await writeFile(fake, '%PDF-1.7 not a jpeg at all');
    await (await fileInput(popup)).uploadFile(fake);
    shown = await settledLatest(popup, shown.text);
    expect(shown).toMatchObject({ state: 'error', errorCode: 'not-an-image' });
    expect(shown.text).toContain('holiday.jpg');

    const big = join(files, 'huge.jpg');
    await writeFile(big, Buffer.alloc(26 * 1024 * 1024, 0xff));
    await (await fileInput(popup)).uploadFile(big);
    shown = await settledLatest(popup, shown.text);
    expect(shown).toMatchObject({ state: 'error', errorCode: 'too-large' });
    expect(shown.text).toContain('The image is too large: the limit is 25 MB.');

    // None of them reached history.
    expect(await historyLabels(popup)).toEqual(['German Shepherd Dog']);
    await popup.close();
  });

  it('identifies a photo dropped anywhere on the popup, showing a drop overlay while dragging', async () => {
    const popup = await open(ext);
    const before = (await latest(popup)).text;
    expect(await popup.$eval('.drop-overlay', (o) => (o as HTMLElement).hidden)).toBe(true);
    await popup.evaluate(() => {
      const transfer = new DataTransfer();
      transfer.items.add(new File(['x'], 'x.png', { type: 'image/png' }));
      document.querySelector('.history')!.dispatchEvent(new DragEvent('dragenter', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    });
    expect(await popup.$eval('.drop-overlay', (o) => (o as HTMLElement).hidden)).toBe(false);
    expect(await popup.$eval('.drop-overlay', (o) => (o as HTMLElement).innerText)).toBe('Drop the image to identify it');

    await handOver(popup, 'drop', 'n01882714_koala.JPEG');
    expect(await popup.$eval('.drop-overlay', (o) => (o as HTMLElement).hidden)).toBe(true);
    const answer = await settledLatest(popup, before);
    // The same words as the label on a page: the model is only middling sure of this koala, so it hedges.
    expect(answer).toMatchObject({ state: 'answer', label: 'Probably a koala, maybe an indri' });
    // Screen readers hear the answer once (the live region holds just that, not the ticking clock).
    expect(await popup.$eval('p[aria-live="polite"]', (p) => p.textContent)).toBe('Probably a koala, maybe an indri');
    await until(async () => (await historyLabels(popup))[0] === 'Probably a koala', 'the drop to reach history');
    await popup.close();
  });

  it('identifies an image address dragged in from a web page', async () => {
    const popup = await open(ext);
    const before = (await latest(popup)).text;
    const url = `${server.origin}/samples/n02007558_flamingo.JPEG`;
    await popup.evaluate((address: string) => {
      const transfer = new DataTransfer();
      transfer.setData('text/uri-list', address);
      document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    }, url);
    const answer = await settledLatest(popup, before);
    expect(answer).toMatchObject({ state: 'answer', label: 'Flamingo' });
    await until(async () => (await historyLabels(popup))[0] === 'Flamingo', 'the dropped address to reach history');
    expect((await historyRows(popup))[0]).toMatchObject({ site: '127.0.0.1' });
    // Not every image is worth keeping: this one is removed again so the next tests see a known history.
    await popup.click('.entry:nth-child(1) .entry-delete');
    await until(async () => (await historyLabels(popup))[0] !== 'Flamingo', 'the entry to go');
    await popup.close();
  });

  it('identifies an image pasted with Ctrl+V', async () => {
    const popup = await open(ext);
    const before = (await latest(popup)).text;
    await handOver(popup, 'paste', 'n02056570_king_penguin.JPEG');
    const answer = await settledLatest(popup, before);
    expect(answer).toMatchObject({ state: 'answer', label: 'King penguin' });
    await until(async () => (await historyLabels(popup))[0] === 'King penguin', 'the paste to reach history');
    await popup.close();
  });

  it('follows an identification on a page live, and keeps it in history with its details and source', async () => {
    const popup = await open(ext);
    const before = (await latest(popup)).text;
    const pageUrl = htmlPage(server, '/zebra.html', '<img id="photo" src="/samples/n02391049_zebra.JPEG" width="400">', 'Zebras of the savannah');
    const page = await ext.browser.newPage();
    await page.goto(pageUrl);
    await identifyElement(ext, page, '#photo', { srcUrl: `${server.origin}/samples/n02391049_zebra.JPEG`, mediaType: 'image' });
    const [card] = await settledCard(page);
    expect(card?.state).toBe('result');

    // The popup that was already open updates by itself.
    const live = await settledLatest(popup, before);
    expect(live).toMatchObject({ state: 'answer', label: 'Zebra' });
    expect(live.text).toContain('127.0.0.1');
    await popup.close();
    await page.close();

    const reopened = await open(ext);
    expect((await latest(reopened)).label).toBe('Zebra');
    expect(await historyLabels(reopened)).toEqual(['Zebra', 'King penguin', 'Probably a koala', 'German Shepherd Dog']);
    const [row] = await historyRows(reopened);
    expect(row).toMatchObject({ label: 'Zebra', site: '127.0.0.1', time: 'just now' });
    expect(row?.confidence).toMatch(/^\d+% sure$/);

    await reopened.click('.entry-open');
    await reopened.waitForSelector('.detail');
    const detail = await reopened.$eval('.detail', (d) => (d as HTMLElement).innerText.replace(/\s+/g, ' '));
    expect(await reopened.$eval('#detail-heading', (h) => h.textContent)).toBe('Zebra');
    expect(await reopened.$$eval('.detail .top5 li', (items) => items.length)).toBe(5);
    expect(detail).toMatch(/When .*\d/);
    expect(detail).toMatch(/Engine (WebGL|WASM|CPU) · \d+ ms/);
    expect(detail).toMatch(/Image size \d+ × \d+ px/);
    expect(detail).toContain('Zebras of the savannah');

    // The link opens the page it came from in a new tab.
    await reopened.click('.source-link');
    const tab = await ext.browser.waitForTarget((target) => target.url() === pageUrl, { timeout: 30_000 });
    expect(tab.type()).toBe('page');
    await (await tab.page())?.close();

    await reopened.click('.back');
    await reopened.waitForSelector('.history');
    await reopened.close();
  });

  it('can be used from the keyboard: details open with Enter and close with Escape', async () => {
    const popup = await open(ext);
    await popup.focus('.entry:nth-child(2) .entry-open');
    await popup.keyboard.press('Enter');
    await popup.waitForSelector('.detail');
    await until(() => popup.evaluate(() => document.activeElement?.classList.contains('back')), 'the focus to move to "Back"');
    expect(await popup.$eval('#detail-heading', (h) => h.textContent)).toBe('King penguin');
    await popup.keyboard.press('Escape');
    await popup.waitForSelector('.history');
    // The focus comes back to the entry that was opened.
    await until(
      async () => (await popup.evaluate(() => document.activeElement?.closest('.entry')?.querySelector('.entry-label')?.textContent)) === 'King penguin',
      'the focus to return to the entry',
    );
    // Every control has a name a screen reader can say.
    const unnamed = await popup.$$eval('button, select, a, input:not([aria-hidden="true"])', (controls) =>
      // textContent too: innerText is empty for controls inside a closed <details>.
      controls.filter((c) => !(c.getAttribute('aria-label') || c.textContent?.trim() || (c as HTMLInputElement).labels?.length)).length,
    );
    expect(unnamed).toBe(0);
    await popup.close();
  });

  it('opens from the toolbar button, and pops out into a window of its own for dragging files in', async () => {
    const page = await ext.browser.newPage();
    await page.goto(htmlPage(server, '/plain.html', '<p>Nothing to see</p>'));
    const worker = await ext.worker();
    const isPopupPage = (url: string) => url === `chrome-extension://${ext.extensionId}/src/popup/index.html`;
    const before = new Set(ext.browser.targets().filter((target) => isPopupPage(target.url())));
    await worker.evaluate(() => chrome.action.openPopup());
    const toolbar = await ext.browser.waitForTarget((target) => isPopupPage(target.url()) && !before.has(target), { timeout: 30_000 });
    const popup = (await toolbar.asPage())!;
    popup.on('pageerror', (error) => problems.push(`pageerror: ${String(error)}`));
    await popup.waitForSelector('.app[data-ready="true"]');
    expect(await popup.evaluate(() => document.body.getBoundingClientRect().width)).toBe(380);
    // Only the toolbar popup offers to pop out (a tab or a window of its own stays open anyway).
    const popOut = await popup.waitForSelector('.pop-out');
    expect(await popOut!.evaluate((b) => b.getAttribute('aria-label'))).toBe('Open Glimpse in its own window (to drag pictures in)');
    await popOut!.click();
    const windowed = await ext.browser.waitForTarget(
      (target) => target !== toolbar && !before.has(target) && isPopupPage(target.url()),
      { timeout: 30_000 },
    );
    const detached = (await windowed.asPage())!;
    await detached.waitForSelector('.app[data-ready="true"]');
    expect(await historyLabels(detached)).toEqual(['Zebra', 'King penguin', 'Probably a koala', 'German Shepherd Dog']);
    expect(await detached.$('.pop-out')).toBeNull();
    const kind = await worker.evaluate(async () => {
      const windows = await chrome.windows.getAll({ populate: true, windowTypes: ['normal', 'popup'] });
      return windows.filter((w) => w.tabs?.some((tab) => tab.url === chrome.runtime.getURL('src/popup/index.html'))).map((w) => w.type);
    });
    expect(kind).toContain('popup');
    await detached.close();
    await page.close();
  });

  it('keeps history when the browser restarts with the same profile', async () => {
    const before = await open(ext);
    const labels = await historyLabels(before);
    expect(labels).toHaveLength(4);
    await before.close();

    await ext.close({ keepProfile: true });
    ext = await launchWithExtension({ userDataDir: ext.userDataDir });
    const after = await open(ext);
    expect(await historyLabels(after)).toEqual(labels);
    expect((await latest(after)).label).toBe('Zebra');
    await after.close();
  });

  it('deletes one answer, and clears them all after asking inside the popup', async () => {
    const popup = await open(ext);
    await popup.click('.entry:nth-child(2) .entry-delete');
    await until(async () => (await historyLabels(popup)).length === 3, 'the entry to go');
    expect(await historyLabels(popup)).toEqual(['Zebra', 'Probably a koala', 'German Shepherd Dog']);

    // Deleting the latest answer removes it from the "latest" area too.
    await popup.click('.entry:nth-child(1) .entry-delete');
    await until(async () => (await historyLabels(popup)).length === 2, 'the latest entry to go');
    expect(await popup.$('.latest[hidden]')).not.toBeNull();

    await popup.click('.clear-all');
    await popup.waitForSelector('.confirm[role="alertdialog"]');
    expect(await popup.$eval('.confirm', (c) => (c as HTMLElement).innerText)).toContain('Delete all 2 answers from history?');
    expect(await popup.evaluate(() => document.activeElement?.classList.contains('confirm-no'))).toBe(true);
    await popup.click('.confirm-no');
    expect(await historyLabels(popup)).toEqual(['Probably a koala', 'German Shepherd Dog']);
    expect(await popup.evaluate(() => document.activeElement?.classList.contains('clear-all'))).toBe(true);

    await popup.click('.clear-all');
    await popup.click('.confirm-yes');
    await popup.waitForSelector('.empty');
    expect(await historyLabels(popup)).toEqual([]);
    const worker = await ext.worker();
    const keys = await worker.evaluate(async () => Object.keys(await chrome.storage.local.get(null)));
    expect(keys.filter((key) => key.startsWith('history:'))).toEqual([]);
    await popup.close();
  });

  it('shows what the engine and the latest identification are doing', async () => {
    const popup = await open(ext);
    const worker = await ext.worker();
    const setSession = (items: Record<string, unknown>) => worker.evaluate((i) => chrome.storage.session.set(i), items);
    const setLocal = (items: Record<string, unknown>) => worker.evaluate((i) => chrome.storage.local.set(i), items);
    const engineText = () => popup.$eval('.engine', (p) => p.textContent);
    // The engine is loaded and idle, so nothing else writes its status while these are shown.
    await until(() => popup.$eval('.engine', (p) => p.getAttribute('data-engine-state') === 'ready'), 'the engine to be ready', ANSWER_TIMEOUT);
    const real = await worker.evaluate(async () => (await chrome.storage.session.get('engineStatus')).engineStatus);

    await setSession({ engineStatus: { state: 'loading', progress: 0.4 } });
    await until(async () => (await engineText()) === 'Loading the model…', 'the loading state');
    expect(await popup.$eval('.progress', (bar) => bar.getAttribute('aria-valuenow'))).toBe('40');
    await setSession({ engineStatus: { state: 'warming', backend: 'wasm' } });
    await until(async () => (await engineText()) === 'Warming up the model…', 'the warming state');
    expect(await popup.$('.progress.indeterminate')).not.toBeNull();
    await setSession({ engineStatus: { state: 'failed', detail: 'no backend could run the model' } });
    await until(async () => (await engineText()) === 'The model could not start.', 'the failed state');
    expect(await popup.$eval('.engine-hint', (p) => p.textContent)).toMatch(/Choose another engine below, or reload the extension/);

    await setLocal({ latest: { kind: 'working', at: Date.now(), origin: { pageUrl: 'https://photos.example.org/album' } } });
    await until(async () => (await latest(popup)).state === 'working', 'the working state');
    expect(await popup.$('.latest .spinner')).not.toBeNull();
    expect((await latest(popup)).text).toMatch(/Identifying… photos\.example\.org\s*·?\s*just now/);

    // A "working" older than every timeout was cut short (the browser closed mid-way, say).
    await setLocal({ latest: { kind: 'working', at: Date.now() - 60 * 60 * 1000, origin: {} } });
    await until(async () => (await latest(popup)).errorCode === 'interrupted', 'the interrupted state');
    expect((await latest(popup)).text).toContain('Glimpse was interrupted before it finished. Try again.');

    // A real failure from a page: an image that is not there.
    const pageUrl = htmlPage(server, '/broken.html', '<img id="photo" src="/samples/no-such-photo.jpg" width="300" height="200" alt="gone">');
    const page = await ext.browser.newPage();
    await page.goto(pageUrl);
    await identifyElement(ext, page, '#photo', { srcUrl: `${server.origin}/samples/no-such-photo.jpg`, mediaType: 'image' });
    await settledCard(page);
    const failed = await until(async () => {
      const now = await latest(popup);
      return now.state === 'error' && now.errorCode !== 'interrupted' ? now : undefined;
    }, 'the failure to reach the popup', ANSWER_TIMEOUT);
    expect(failed.text).toContain('Could not identify the image');
    expect(failed.text).toContain('127.0.0.1');
    await page.close();

    await setSession({ engineStatus: real });
    await popup.close();
  });

  it('stores the engine backend chosen in settings', async () => {
    const popup = await open(ext);
    expect(await popup.$eval('#backend-select', (s) => (s as HTMLSelectElement).value)).toBe('auto');
    expect(await popup.$eval('label[for="backend-select"]', (l) => l.textContent)).toBe('Engine');
    await popup.select('#backend-select', 'cpu');
    const worker = await ext.worker();
    await until(
      () => worker.evaluate(async () => (await chrome.storage.local.get('backendPreference')).backendPreference === 'cpu'),
      'the preference to be stored',
    );
    // The engine reloads on the chosen backend.
    await until(() => popup.$eval('.engine', (p) => p.textContent === 'Ready · CPU'), 'the engine to run on the CPU', ANSWER_TIMEOUT);
    await popup.select('#backend-select', 'auto');
    await until(
      () => worker.evaluate(async () => (await chrome.storage.local.get('backendPreference')).backendPreference === 'auto'),
      'the preference to be stored',
    );
    await popup.close();
  });
});
