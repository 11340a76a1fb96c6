import type { Frame, Page } from 'puppeteer-core';
import { envelope } from '../src/shared/protocol';
import { until, type ExtensionBrowser } from './chromium';
import { callOnRoot, closedShadowRoots } from './closed-shadow';
import { inServiceWorker } from './reading';

const CARD_HOST = '[data-glimpse-card]';

export interface MenuTarget {
  /** Chrome's srcUrl for an <img>/<video> (undefined for CSS backgrounds, canvas, inline SVG). */
  srcUrl?: string;
  mediaType?: 'image' | 'video';
  /** Frame to address; by default the frame the right-click landed in (see rightClickAndIdentify). */
  frameId?: number;
  /** Runs between the right-click and the menu choice (a page changing under the open menu). */
  afterRightClick?: () => Promise<void>;
}

interface LastRightClick {
  tabId: number;
  frameId: number;
}

/** The extension's id for the tab showing `page`. */
export async function tabIdOf(ext: ExtensionBrowser, page: Page): Promise<number> {
  const worker = await ext.worker();
  const url = page.url();
  return until(
    () => worker.evaluate(async (u: string) => (await chrome.tabs.query({})).find((t) => t.url === u)?.id ?? 0, url),
    `a tab for ${url}`,
  );
}

/** Whether the point lands in a child frame of the page (looking through open shadow roots). */
function pointIsInChildFrame(page: Page, x: number, y: number): Promise<boolean> {
  return page.evaluate(
    (px: number, py: number) => {
      let element = document.elementFromPoint(px, py);
      while (element?.shadowRoot) {
        const inner = element.shadowRoot.elementFromPoint(px, py);
        if (!inner || inner === element) break;
        element = inner;
      }
      return element?.localName === 'iframe' || element?.localName === 'frame';
    },
    x,
    y,
  );
}

/**
 * The frame Chrome would name in the menu's info. The main frame is 0. A child frame's id
 * only the extension knows: its content script reports each right-click on a picture (the
 * background's `warm` handler keeps sender.frameId in glimpseLastRightClick), so the record is
 * cleared before the click and read after it.
 */
async function frameIdOfClick(ext: ExtensionBrowser, tabId: number, inChildFrame: boolean): Promise<number> {
  if (!inChildFrame) return 0;
  const worker = await ext.worker();
  const seen = await until(
    () =>
      worker.evaluate((id: number) => {
        const last = (globalThis as { glimpseLastRightClick?: LastRightClick }).glimpseLastRightClick;
        return last?.tabId === id ? last : undefined;
      }, tabId),
    'the child frame to report the right-click (no picture there? pass frameId)',
    15_000,
  );
  return seen.frameId;
}

/**
 * What a user does: right-click at a point (so the content script sees a real contextmenu
 * event), then choose "Identify image". Native menus cannot be clicked by automation, so the
 * click is the real listener fired with the info Chrome would pass.
 */
export async function rightClickAndIdentify(ext: ExtensionBrowser, page: Page, x: number, y: number, menuTarget: MenuTarget = {}): Promise<void> {
  const { afterRightClick, ...target } = menuTarget;
  await page.bringToFront();
  // The content script loads asynchronously at document start: a right-click before it runs
  // would go unseen, as it would for a person clicking within the first instant of a page load.
  const tabId = await contentScriptReady(ext, page);
  const worker = await ext.worker();
  await worker.evaluate(() => {
    delete (globalThis as { glimpseLastRightClick?: LastRightClick }).glimpseLastRightClick;
  });
  const inChildFrame = target.frameId === undefined && (await pointIsInChildFrame(page, x, y));
  await page.mouse.click(x, y, { button: 'right' });
  const frameId = target.frameId ?? (await frameIdOfClick(ext, tabId, inChildFrame));
  await afterRightClick?.();
  await dispatchMenuClick(ext, tabId, { menuItemId: 'identify-image', pageUrl: page.url(), ...target, frameId });
}

/** Waits until the page's top-frame content script answers (it loads asynchronously at document start); returns the tab's id. */
export async function contentScriptReady(ext: ExtensionBrowser, page: Page): Promise<number> {
  const tabId = await tabIdOf(ext, page);
  const worker = await ext.worker();
  const ping = envelope('content', 'ping', {});
  await until(
    () =>
      worker.evaluate(
        (id: number, message: typeof ping) =>
          chrome.tabs
            .sendMessage(id, message, { frameId: 0 })
            .then((answer: { ready?: boolean } | undefined) => answer?.ready === true, () => false),
        tabId,
        ping,
      ),
    'the content script to run in the page',
  );
  return tabId;
}

export interface MenuClick {
  menuItemId: string;
  pageUrl: string;
  srcUrl?: string;
  mediaType?: string;
  frameId?: number;
}

/**
 * The one way tests choose a context-menu item: native menus cannot be clicked by automation,
 * so Chrome's own onClicked listeners are fired with the info Chrome would pass, in whichever
 * service worker runs now (it may have been stopped and restarted). `tab`: its id, or its URL.
 */
export async function dispatchMenuClick(ext: ExtensionBrowser, tab: number | string, click: MenuClick): Promise<void> {
  const info = { editable: false, frameId: 0, ...click };
  const findTab = typeof tab === 'number'
    ? `chrome.tabs.get(${tab})`
    : `chrome.tabs.query({}).then((tabs) => tabs.find((t) => t.url === ${JSON.stringify(tab)}))`;
  await inServiceWorker(
    ext,
    `${findTab}.then((tab) => {
      if (!tab) throw new Error('no tab for the page');
      chrome.contextMenus.onClicked.dispatch(${JSON.stringify(info)}, tab);
      return true;
    })`,
  );
}

/** Right-clicks the centre of `selector` and chooses "Identify image", dispatched in whichever service worker runs now. */
export async function identifyThroughMenu(ext: ExtensionBrowser, page: Page, selector: string): Promise<void> {
  const element = await page.waitForSelector(selector);
  const box = await element!.boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  const srcUrl = await page.$eval(selector, (el) => (el as HTMLImageElement).src);
  await page.bringToFront();
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2, { button: 'right' });
  await dispatchMenuClick(ext, page.url(), { menuItemId: 'identify-image', pageUrl: page.url(), srcUrl, mediaType: 'image' });
}


/**
 * Right-clicks the centre of the element matching `selector` (in `where`, a page or one of its
 * frames; `>>>` pierces open shadow roots) and chooses "Identify image".
 */
export async function identifyElement(ext: ExtensionBrowser, where: Page | Frame, selector: string, target: MenuTarget = {}): Promise<void> {
  const element = await where.waitForSelector(selector);
  // A person scrolls to a picture before right-clicking it.
  await element!.evaluate((node) => node.scrollIntoView({ block: 'nearest', inline: 'nearest' }));
  const box = await element!.boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  const page = 'mainFrame' in where ? where : where.page();
  await rightClickAndIdentify(ext, page, box.x + box.width / 2, box.y + box.height / 2, target);
}

export interface Box {
  left: number;
  top: number;
  width: number;
  height: number;
}

export interface CardState {
  state: string | null;
  /** What a person reads: the label, or the whole card when it is open (failures always are). */
  text: string;
  errorCode: string | null;
  /** What is on screen (the label, or the open card), in its own frame's viewport. */
  box: Box | null;
  /** The compact label's box (null while the card is open). */
  labelBox: Box | null;
  /** Where the label's words are drawn (the text itself, without the label's icon and padding; null while the card is open). */
  wordsBox: Box | null;
  /** The open card's box (null while only the label shows). */
  cardBox: Box | null;
  expanded: boolean;
  /** Whether it is shown at all (labels hide with pictures scrolled out of view). */
  visible: boolean;
  /** 'sure' | 'probably' | 'unsure' for answers. */
  certainty: string | null;
  /** Which side of its picture it sits on ('inside-top-left', 'below', …). */
  side: string | null;
  /** The label text's computed font size in CSS px. */
  fontSize: number;
  /** That viewport's size (without scrollbars). */
  viewport: { width: number; height: number };
  frameUrl: string;
}

/** Reads one card through its closed shadow root (DevTools can; page script cannot). */
export function readCard(this: ShadowRoot) {
  const host = this.host as HTMLElement;
  const root = this.querySelector('.glimpse') as HTMLElement | null;
  const chip = this.querySelector('.chip') as HTMLElement | null;
  const panel = this.querySelector('.card') as HTMLElement | null;
  const boxOf = (element: HTMLElement | null) => {
    if (!element || element.hidden) return null;
    const rect = element.getBoundingClientRect();
    return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
  };
  const expanded = !!panel && !panel.hidden;
  const shown = expanded ? panel : chip;
  const visible = getComputedStyle(host).visibility !== 'hidden';
  return {
    state: root?.getAttribute('data-state') ?? null,
    // A card is hidden until the layout first places it (a frame at most): its words are read all the same.
    text: ((visible ? shown?.innerText : shown?.textContent) ?? '').replace(/\s+/g, ' ').trim(),
    errorCode: root?.getAttribute('data-error-code') ?? null,
    box: boxOf(shown),
    labelBox: expanded ? null : boxOf(chip),
    wordsBox: expanded ? null : (() => {
      const words = this.querySelector('.chip .short');
      if (!words) return null;
      const range = document.createRange();
      range.selectNodeContents(words);
      const rect = range.getBoundingClientRect();
      return rect.width ? { left: rect.left, top: rect.top, width: rect.width, height: rect.height } : null;
    })(),
    cardBox: expanded ? boxOf(panel) : null,
    expanded,
    visible,
    certainty: root?.getAttribute('data-certainty') ?? null,
    side: root?.getAttribute('data-side') ?? null,
    fontSize: parseFloat(getComputedStyle(this.querySelector('.short') ?? host).fontSize),
    viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
    frameUrl: location.href,
  };
}

/** The cards Glimpse shows on a page (all frames), as a user would read them, oldest first. */
export async function cards(page: Page): Promise<CardState[]> {
  const all: CardState[] = [];
  for await (const root of closedShadowRoots(page, CARD_HOST)) {
    all.push(await callOnRoot<CardState>(root, `(root) => (${readCard.toString()}).call(root)`));
  }
  return all;
}

/**
 * Runs `fn(shadowRoot, ...args)` in the page's main world on the closed shadow root of card
 * `index` (oldest first, all frames), through DevTools: for tests that click inside a card or
 * watch it change. Returns its (serialisable) result.
 */
export async function inCard<T, A extends unknown[]>(page: Page, index: number, fn: (root: ShadowRoot, ...args: A) => T | Promise<T>, ...args: A): Promise<T> {
  let at = 0;
  for await (const root of closedShadowRoots(page, CARD_HOST)) {
    if (at++ === index) return callOnRoot<T>(root, fn.toString(), args);
  }
  throw new Error(`no card ${index} on the page`);
}

/**
 * Waits until at least `count` cards are open and all have finished (result, error, or "picture
 * changed"), as read by `read` (each browser has its own way into the closed card).
 */
export async function settledCards(read: () => Promise<CardState[]>, count = 1, timeoutMs = 120_000): Promise<CardState[]> {
  let last: CardState[] = [];
  try {
    return await until(
      async () => {
        last = await read();
        return last.length >= count && last.every((c) => c.state === 'result' || c.state === 'error' || c.state === 'changed') ? last : undefined;
      },
      'the card to show an answer',
      timeoutMs,
    );
  } catch (error) {
    throw new Error(`${String(error)}; cards on the page: ${JSON.stringify(last)}`, { cause: error });
  }
}

/** Waits until at least `count` cards are open on `page` and all have finished (see settledCards). */
export const settledCard = (page: Page, count = 1, timeoutMs = 120_000): Promise<CardState[]> => settledCards(() => cards(page), count, timeoutMs);
