/**
 * The popup with a long history, as a teacher has it after a few lessons: 30 single answers and
 * one page scan of a 24-tile shop grid, all real identifications. At 380x600 it shows at least six
 * history rows, the scan as one row that opens like any disclosure, a filter that finds answers by
 * name, the page buttons (identify all images, presenter mode, clear labels) and the shortcuts;
 * axe finds nothing to fix.
 */
import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { envelope } from '../../src/shared/protocol';
import { launchWithExtension, openPopup, until, type ExtensionBrowser } from '../../harness/chromium';
import { chooseMenuItem } from '../../harness/commands';
import { cards } from '../../harness/menu';
import { pillWhen, scanPill } from '../../harness/scan-pill';
import { startServer, type TestServer } from '../../harness/server';

const ANSWER_TIMEOUT = 150_000;
const SAMPLES = [
  'n02056570_king_penguin', 'n02391049_zebra', 'n01882714_koala', 'n02106662_German_shepherd', 'n02007558_flamingo',
  'n01530575_brambling', 'n01558993_robin', 'n01641577_bullfrog', 'n01667114_mud_turtle', 'n01682714_American_chameleon',
  'n01692333_Gila_monster', 'n01698640_American_alligator', 'n01729977_green_snake', 'n01774384_black_widow', 'n01795545_black_grouse',
  'n01806567_quail', 'n01820546_lorikeet', 'n01843065_jacamar', 'n01860187_black_swan', 'n01950731_sea_slug',
  'n01980166_fiddler_crab', 'n01986214_hermit_crab', 'n02013706_limpkin', 'n02669723_academic_gown', 'n02692877_airship',
  'n02727426_apiary', 'n02776631_bakery', 'n02793495_barn', 'n02808440_bathtub', 'n02837789_bikini',
];

const require = createRequire(import.meta.url);

async function openAt380(ext: ExtensionBrowser): Promise<Page> {
  const popup = await openPopup(ext);
  await popup.setViewport({ width: 380, height: 600 });
  await popup.waitForSelector('.app[data-ready="true"]');
  return popup;
}

/** Rows of the history list (answers and scans) wholly inside the popup's 600 px, and not covered by anything. */
const visibleRows = (popup: Page): Promise<number> =>
  popup.$$eval('.history > .entries > li', (rows) =>
    rows.filter((row) => {
      const rect = row.getBoundingClientRect();
      if (rect.height === 0 || rect.top < 0 || rect.bottom > window.innerHeight) return false;
      const hit = document.elementFromPoint(rect.left + rect.width / 2, rect.top + rect.height / 2);
      return hit !== null && row.contains(hit);
    }).length,
  );

const topRowLabels = (popup: Page): Promise<string[]> =>
  popup.$$eval('.history > .entries > li', (rows) =>
    rows.map((row) => (row.querySelector('.entry-label') as HTMLElement | null)?.innerText.trim() ?? ''),
  );

async function typeFilter(popup: Page, text: string): Promise<void> {
  await popup.click('#history-filter', { clickCount: 3 });
  await popup.keyboard.press('Backspace');
  if (text) await popup.type('#history-filter', text);
}

describe('the popup with a long history', () => {
  let ext: ExtensionBrowser;
  let server: TestServer;
  let shop: Page;

  beforeAll(async () => {
    server = await startServer();
    ext = await launchWithExtension();
    const popup = await openAt380(ext);
    for (const sample of SAMPLES) {
      const message = envelope('background', 'identify', {
        source: { kind: 'url', url: `${server.origin}/samples/${sample}.JPEG` },
        origin: { pageUrl: `${server.origin}/lesson.html`, pageTitle: 'Animals and things' },
      });
      const outcome = (await popup.evaluate((sent: typeof message) => chrome.runtime.sendMessage(sent), message)) as { ok: boolean };
      expect(outcome.ok).toBe(true);
    }
    await popup.close();
    shop = await ext.browser.newPage();
    await shop.goto(`${server.origin}/scan/shop.html`, { waitUntil: 'load' });
    await chooseMenuItem(ext, shop, 'identify-page');
    await pillWhen(shop, (pill) => pill.state === 'waiting', 'the on-screen tiles to be identified', ANSWER_TIMEOUT);
    for (let y = 400; y <= 3200; y += 400) {
      await shop.evaluate((top: number) => window.scrollTo({ top, behavior: 'instant' }), y);
      await new Promise((resolve) => setTimeout(resolve, 150));
    }
    await pillWhen(shop, (pill) => pill.state === 'done', 'the scan to finish', ANSWER_TIMEOUT);
  });
  afterAll(async () => {
    await ext?.close();
    await server?.close();
  });

  it('shows at least six history rows at 380x600, the page scan as one row that opens onto its 24 answers', async () => {
    const popup = await openAt380(ext);
    await until(async () => (await popup.$$('.history .entry')).length === 54, 'all 54 answers to be listed');
    if (process.env.GLIMPSE_SCREENSHOTS) await popup.screenshot({ path: `${process.env.GLIMPSE_SCREENSHOTS}/popup-long.png` });
    expect(await visibleRows(popup)).toBeGreaterThanOrEqual(6);

    // 30 answers plus one row for the scan, newest first.
    const labels = await topRowLabels(popup);
    expect(labels).toHaveLength(31);
    expect(labels[0]).toBe('Page scan · 24 pictures');
    const group = (await popup.$('.scan-group details'))!;
    expect(await group.evaluate((details) => (details as HTMLDetailsElement).open)).toBe(false);
    expect(await popup.$$eval('.scan-group .entry', (rows) => rows.filter((row) => row.checkVisibility()).length)).toBe(0);
    // A keyboard user opens it like any disclosure.
    await popup.focus('.scan-group summary');
    await popup.keyboard.press('Enter');
    await until(() => group.evaluate((details) => (details as HTMLDetailsElement).open), 'the scan row to open');
    expect(await popup.$$eval('.scan-group .entry', (rows) => rows.filter((row) => row.checkVisibility()).length)).toBe(24);
    expect(await popup.$eval('.scan-group summary', (summary) => (summary as HTMLElement).innerText)).toContain('Corner Shop');
    await popup.close();
  });

  it('finds answers by name, by another name for them, and inside the page scan', async () => {
    const popup = await openAt380(ext);
    await typeFilter(popup, 'koala');
    const onlyRow = async (name: RegExp) => {
      const labels = await topRowLabels(popup);
      return labels.length === 1 && name.test(labels[0]!);
    };
    await until(() => onlyRow(/^(probably a )?koala$/i), 'only the koala to be listed');
    // "alsatian" is another name for a German shepherd.
    await typeFilter(popup, 'Alsatian');
    await until(() => onlyRow(/^German shepherd/i), 'the German shepherd to be found by another name');
    await typeFilter(popup, 'banjo');
    await until(async () => (await popup.$$eval('.scan-group .entry-open', (rows) => rows.length)) === 1, 'the scan to show only its banjo');
    expect(await popup.$eval('.scan-group details', (details) => (details as HTMLDetailsElement).open)).toBe(true);
    expect(await popup.$eval('.scan-group .entry .entry-label', (label) => label.textContent)).toMatch(/^(probably a )?banjo$/i);
    expect(await popup.$eval('.scan-group summary .entry-label', (label) => label.textContent)).toBe('Page scan · 1 picture');
    expect(await popup.$eval('.history-filter [role="status"]', (status) => status.textContent)).toBe('1 answer found');
    await typeFilter(popup, 'unicorn');
    await until(() => popup.$('.no-match'), 'the "nothing found" message');
    expect(await popup.$eval('.no-match', (p) => p.textContent)).toBe('No answer is called “unicorn”.');
    await typeFilter(popup, '');
    await until(async () => (await topRowLabels(popup)).length === 31, 'everything to come back');
    await popup.close();
  });

  it('lists every keyboard shortcut with its key, and says which one has none yet', async () => {
    const popup = await openAt380(ext);
    await popup.click('.shortcuts summary');
    const listed = await popup.$$eval('.shortcut', (rows) => rows.map((row) => (row as HTMLElement).innerText.replace(/\s+/g, ' ').trim()));
    expect(listed).toEqual([
      'Identify the picture under the pointer Alt+Shift+G',
      'Identify all images on this page Alt+Shift+L',
      'Clear all Glimpse labels from the page Alt+Shift+K',
      'Presenter mode on or off (big labels for a class) Alt+Shift+Y',
      'Select a region of the screen to identify not set',
    ]);
    await popup.close();
  });

  it('identifies all images on the page it was opened over, clears its labels, and switches presenter mode', async () => {
    await shop.reload({ waitUntil: 'load' });
    await shop.bringToFront();
    expect(await cards(shop)).toEqual([]);
    const popup = await openAt380(ext);
    await popup.click('.identify-page');
    // The person looks at the page (a toolbar popup steps aside by itself; this one is a tab).
    await shop.bringToFront();
    await pillWhen(shop, (pill) => pill.state === 'waiting', 'the scan started from the popup to label the on-screen tiles', ANSWER_TIMEOUT);
    expect(await popup.$eval('.page-notice', (p) => p.textContent)).toBe('Identifying the pictures on the page…');
    expect((await cards(shop)).length).toBeGreaterThanOrEqual(8);

    await popup.bringToFront();
    await popup.click('.clear-labels');
    await until(async () => (await cards(shop)).length === 0 && (await scanPill(shop)) === null, 'the labels to be cleared');
    expect(await popup.$eval('.page-notice', (p) => p.textContent)).toBe('Labels cleared from the page.');

    const toggle = '.presenter-toggle';
    expect(await popup.$eval(toggle, (button) => button.getAttribute('aria-checked'))).toBe('false');
    await popup.click(toggle);
    await until(() => popup.$eval(toggle, (button) => button.getAttribute('aria-checked') === 'true'), 'the switch to turn on');
    const worker = await ext.worker();
    // For the shop's site only (issue 19).
    expect(await worker.evaluate(async () => (await chrome.storage.local.get('presenterMode')).presenterMode))
      .toEqual({ everywhere: false, sites: [new URL(shop.url()).origin] });
    await popup.click(toggle);
    await until(() => popup.$eval(toggle, (button) => button.getAttribute('aria-checked') === 'false'), 'the switch to turn off');
    await popup.close();
  });

  it('passes axe with no violations, in light and dark, with the scan row open', async () => {
    const popup = await openAt380(ext);
    // Evaluated rather than added as a <script>: the popup's CSP rightly refuses inline scripts.
    await popup.evaluate(await readFile(require.resolve('axe-core/axe.min.js'), 'utf8'));
    await popup.click('.scan-group summary');
    await popup.click('.shortcuts summary');
    for (const scheme of ['light', 'dark'] as const) {
      await popup.emulateMediaFeatures([{ name: 'prefers-color-scheme', value: scheme }]);
      const violations = await popup.evaluate(async () => {
        const result = await (window as unknown as { axe: { run(context: Document): Promise<{ passes: unknown[]; violations: { id: string; nodes: { target: string[] }[] }[] }> } }).axe.run(document);
        if (result.passes.length < 10) return ['axe did not run'];
        return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).slice(0, 3).join(', ')}`);
      });
      expect(violations, scheme).toEqual([]);
    }
    await popup.close();
  });
});
