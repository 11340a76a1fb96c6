import type { Frame, Page } from 'puppeteer-core';
import { envelope } from '../../src/shared/protocol';
import { until, type ExtensionBrowser } from './chromium';

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
  const tabId = await tabIdOf(ext, page);
  const worker = await ext.worker();
  // The content script loads asynchronously at document start: a right-click before it runs
  // would go unseen, as it would for a person clicking within the first instant of a page load.
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
  await worker.evaluate(() => {
    delete (globalThis as { glimpseLastRightClick?: LastRightClick }).glimpseLastRightClick;
  });
  const inChildFrame = target.frameId === undefined && (await pointIsInChildFrame(page, x, y));
  await page.mouse.click(x, y, { button: 'right' });
  const frameId = target.frameId ?? (await frameIdOfClick(ext, tabId, inChildFrame));
  await afterRightClick?.();
  await worker.evaluate(
    (info: { tabId: number; pageUrl: string; srcUrl?: string; mediaType?: string; frameId: number }) => {
      const { tabId: id, ...rest } = info;
      return chrome.tabs.get(id).then((tab) =>
        (chrome.contextMenus.onClicked as unknown as { dispatch(i: unknown, t: unknown): void }).dispatch(
          { menuItemId: 'identify-image', editable: false, ...rest },
          tab,
        ),
      );
    },
    { tabId, pageUrl: page.url(), ...target, frameId },
  );
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
  text: string;
  errorCode: string | null;
  /** The card on screen, in its own frame's viewport. */
  box: Box | null;
  /** That viewport's size (without scrollbars). */
  viewport: { width: number; height: number };
  frameUrl: string;
}

/** The cards Glimpse shows on a page (all frames), as a user would read them. */
export async function cards(page: Page): Promise<CardState[]> {
  const all: CardState[] = [];
  for (const frame of page.frames()) {
    const found = await frame
      .evaluate(() =>
        [...document.querySelectorAll('[data-glimpse-card]')].map((host) => {
          const card = host.shadowRoot?.querySelector('.card') as HTMLElement | null;
          const rect = card?.getBoundingClientRect();
          return {
            state: host.getAttribute('data-state'),
            text: (card?.innerText ?? '').replace(/\s+/g, ' ').trim(),
            errorCode: host.getAttribute('data-error-code'),
            box: rect ? { left: rect.left, top: rect.top, width: rect.width, height: rect.height } : null,
            viewport: { width: document.documentElement.clientWidth, height: document.documentElement.clientHeight },
            frameUrl: location.href,
          };
        }),
      )
      .catch(() => [] as CardState[]);
    all.push(...found);
  }
  return all;
}

/** Waits until at least `count` cards are open and all have finished (result or error). */
export async function settledCard(page: Page, count = 1, timeoutMs = 120_000): Promise<CardState[]> {
  let last: CardState[] = [];
  try {
    return await until(
      async () => {
        last = await cards(page);
        return last.length >= count && last.every((c) => c.state === 'result' || c.state === 'error') ? last : undefined;
      },
      'the card to show an answer',
      timeoutMs,
    );
  } catch (error) {
    throw new Error(`${String(error)}; cards on the page: ${JSON.stringify(last)}`);
  }
}
