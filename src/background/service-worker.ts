/** The service worker: menu, fetching bytes, the engine's lifecycle, history writes. */
import browser, { type Runtime, type Tabs } from 'webextension-polyfill';
import { listen } from '../shared/messaging';
import { backendDecision, engineStatus, history, latest, shareSessionWithContentScripts } from '../shared/store';
import type { FrameAnswer, HistoryEntry, Outcome, RawFrame } from '../shared/types';
import { toGlimpseError } from '../shared/errors';
import { benchDeletion, benchPredict, benchViews } from './dev-tools';
import { classifyBytes, classifyFrame, closeEngineDocument, detectBytes, engineStats, warmEngine } from './engine-host';
import { objectsFor } from './find-objects';
import { runCommand } from './commands';
import { identify } from './identify';
import { identifyMany } from './identify-many';
import { heldShots } from './shot';
import { injectIntoOpenTabs } from './inject';
import { rateLimiter } from './rate-limit';
import { safeOrigin } from './url';
import { warmOnce } from './warm';
import { ENGINE_STARTS_WITH_BROWSER } from './start-with-browser';
import { shootForPage } from './page-shots';
import { captureCount, capturesSentWhole, heldShots as heldCrops } from './capture';
import { heldPixels, holdPixels } from './held-pixels';
import { sendAhead } from './sent-ahead';
import { measureCapture } from './measure-capture';
import { createMenu, onMenuClicked } from './menu';
import { teach } from './custom/teach';
import { embedBytes } from './engine-host';
import { inspectImage } from '../shared/image-problem';
import { importTeachableModel, removeTeachableModel } from './custom/imported-models';
import { captureFrame } from './live';

// Content scripts show "warming up" from the engine status kept in session storage.
void shareSessionWithContentScripts().catch((error: unknown) => console.warn('[glimpse] session storage stays private', error));
void history.migrate().catch((error: unknown) => console.warn('[glimpse] could not upgrade the history', error));

// Listeners are registered at the top level so a restarted worker handles the event that woke it.
browser.runtime.onInstalled.addListener(() => {
  void createMenu();
  // Pages already open have no content script of this version (or an orphaned one of the last).
  void injectIntoOpenTabs();
  if (ENGINE_STARTS_WITH_BROWSER) void warmOnce();
});
browser.runtime.onStartup.addListener(() => {
  void createMenu();
  if (ENGINE_STARTS_WITH_BROWSER) void warmOnce();
});
browser.contextMenus.onClicked.addListener((info, tab) => void onMenuClicked(info, tab));
browser.commands.onCommand.addListener((command, tab) => void runCommand(command, tab));

/** The web page a message came from; none for the extension's own pages (popup, pop-out window). */
const webPageOf = (sender: Runtime.MessageSender): Tabs.Tab | undefined =>
  sender.url?.startsWith(browser.runtime.getURL('')) ? undefined : sender.tab;

browser.tabs.onRemoved.addListener((tabId) => rateLimiter.forgetTab(tabId));

/** The tab id of a web page's frame, for the rate limiter; undefined for Glimpse's own pages. */
const pageTabId = (sender: Runtime.MessageSender): number | undefined => webPageOf(sender)?.id;

listen('background', {
  identify({ source, origin, scanId, requestedAt }, sender): Promise<Outcome<HistoryEntry>> | Outcome<HistoryEntry> {
    const tabId = pageTabId(sender);
    if (tabId !== undefined && !rateLimiter.allowIdentification(tabId, sender.frameId ?? 0, scanId !== undefined)) {
      return { ok: false, error: { code: 'busy', detail: 'this tab asked for too many identifications at once' } };
    }
    return identify(
      source,
      { ...origin, pageUrl: origin.pageUrl ?? webPageOf(sender)?.url, pageTitle: origin.pageTitle ?? webPageOf(sender)?.title },
      { tab: webPageOf(sender), scanId, requestedAt },
    );
  },
  'identify-many'({ pictures, scanId, shot }, sender) {
    const page = webPageOf(sender);
    const withPage = pictures.map(({ source, origin }) => ({
      source, origin: { ...origin, pageUrl: origin.pageUrl ?? page?.url, pageTitle: origin.pageTitle ?? page?.title },
    }));
    return identifyMany(withPage, { tab: page, frameId: sender.frameId ?? 0, scanId, shot });
  },
  async 'report-error'({ error, origin }, sender) {
    const tabId = pageTabId(sender);
    if (tabId !== undefined && !rateLimiter.allow('report-error', tabId)) return;
    const pageUrl = origin.pageUrl ?? webPageOf(sender)?.url;
    await latest.setValue({ kind: 'error', error, at: Date.now(), origin: safeOrigin({ ...origin, pageUrl }) });
  },
  async warm(_payload, sender) {
    const tabId = pageTabId(sender);
    if (tabId !== undefined) {
      if (__GLIMPSE_TEST_HOOKS__) {
        // The frame last right-clicked; Chrome's own menu info says the same, tests read it to build that info.
        (globalThis as { glimpseLastRightClick?: unknown }).glimpseLastRightClick = { tabId, frameId: sender.frameId ?? 0 };
      }
      if (rateLimiter.allow('warm', tabId)) void warmOnce();
    } else {
      // Glimpse's own pages (the popup after a change of engine) reload the engine on purpose: always obeyed.
      void warmEngine().catch((error: unknown) => console.warn('[glimpse] warm-up failed', error));
    }
    return (await engineStatus.getValue()) ?? { state: 'idle' as const };
  },
  async 'engine-status'({ status, decision }) {
    await engineStatus.setValue(status);
    if (decision) await backendDecision.setValue(decision);
  },
  'engine-stats': () => engineStats(),
  async 'run-command'({ command, tabId }) {
    const tab = tabId === undefined ? undefined : await browser.tabs.get(tabId).catch(() => undefined);
    return { reached: await runCommand(command, tab) };
  },
  'find-objects': ({ entryId }) => objectsFor(entryId),
  teach: ({ source, className }, sender) => teach(source, className, webPageOf(sender)),
  'import-model': (files) => importTeachableModel(files),
  'remove-model': ({ id }) => removeTeachableModel(id),
  async 'capture-frame'({ area }, sender): Promise<Outcome<RawFrame>> {
    const tabId = pageTabId(sender);
    if (tabId === undefined) return { ok: false, error: { code: 'off-screen', detail: 'only a page can ask for its own screen' } };
    return captureFrame(webPageOf(sender), area);
  },
  async 'classify-frame'(frame, sender): Promise<Outcome<FrameAnswer>> {
    // Frames come from Glimpse's own camera view, or from a page whose video the user chose to follow.
    const tabId = pageTabId(sender);
    if (tabId !== undefined && !rateLimiter.allow('classify-frame', tabId)) {
      return { ok: false, error: { code: 'busy', detail: 'this tab sent frames faster than they can be answered' } };
    }
    try {
      return { ok: true, value: await classifyFrame(frame) };
    } catch (error) {
      return { ok: false, error: toGlimpseError(error) };
    }
  },
  capture: ({ areas }, sender) => shootForPage(webPageOf(sender), areas),
  'hold-pixels'({ bytes }, sender): Outcome<{ id: string }> {
    const tabId = pageTabId(sender);
    if (tabId === undefined || !rateLimiter.allow('hold-pixels', tabId)) return { ok: false, error: { code: 'busy', detail: 'not held' } };
    // On to the engine too, while the menu is open: "Identify image" then moves no pixels at all.
    sendAhead(bytes);
    return { ok: true, value: { id: holdPixels(tabId, bytes) } };
  },
});

/**
 * Handles for the worker's DevTools console, used by `npm run eval` and `npm run bench` to drive
 * the very path a right-click takes (service worker -> offscreen engine). Pages cannot reach them.
 * Left out of store packages (see vite.config.ts).
 */
if (__GLIMPSE_TEST_HOOKS__) {
  Object.assign(globalThis, {
    glimpse: {
      classifyBytes, warmEngine, engineStats, closeEngineDocument, benchPredict, benchViews, benchDeletion, detectBytes,
      rateLimits: () => rateLimiter.stats,
      scanShots: () => ({ captures: captureCount(), sentWhole: capturesSentWhole(), held: heldShots() + heldCrops() }),
      heldCrops, heldPixels, measureCapture,
    },
    /** Set once the worker's top-level code has run: end-to-end tests wait for it. */
    glimpseReady: true,
  });
}

/** Handles for `npm run measure-taught` (custom models): embeddings and imports, as teaching and the popup make them. */
if (__GLIMPSE_TEST_HOOKS__) {
  Object.assign((globalThis as { glimpse?: object }).glimpse ?? {}, {
    embedBytes: (bytes: ArrayBuffer) => embedBytes(bytes, inspectImage(bytes).image?.format ?? 'png'),
    importTeachableModel,
  });
}
