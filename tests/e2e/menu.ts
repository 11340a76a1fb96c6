import type { Page } from 'puppeteer-core';
import { until, type ExtensionBrowser } from './chromium';

export interface MenuTarget {
  /** Chrome's srcUrl for an <img>/<video> (undefined for CSS backgrounds, canvas, inline SVG). */
  srcUrl?: string;
  mediaType?: 'image' | 'video';
  /** Frame to address; defaults to the frame the content script last saw a right-click in, else 0. */
  frameId?: number;
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

/**
 * What a user does: right-click at a point (so the content script sees a real contextmenu
 * event), then choose "Identify image". Native menus cannot be clicked by automation, so the
 * click is the real listener fired with the info Chrome would pass.
 */
export async function rightClickAndIdentify(ext: ExtensionBrowser, page: Page, x: number, y: number, target: MenuTarget = {}): Promise<void> {
  await page.bringToFront();
  await page.mouse.click(x, y, { button: 'right' });
  const tabId = await tabIdOf(ext, page);
  const worker = await ext.worker();
  await worker.evaluate(
    (info: { tabId: number; pageUrl: string; srcUrl?: string; mediaType?: string; frameId?: number }) => {
      const { tabId, ...rest } = info;
      const seen = (globalThis as { glimpseLastRightClick?: { tabId: number; frameId: number } }).glimpseLastRightClick;
      const frameId = rest.frameId ?? (seen?.tabId === tabId ? seen.frameId : 0);
      return chrome.tabs.get(tabId).then((tab) =>
        (chrome.contextMenus.onClicked as unknown as { dispatch(i: unknown, t: unknown): void }).dispatch(
          { menuItemId: 'identify-image', editable: false, ...rest, frameId },
          tab,
        ),
      );
    },
    { tabId, pageUrl: page.url(), ...target },
  );
}

/** Right-clicks the centre of the element matching `selector` and chooses "Identify image". */
export async function identifyElement(ext: ExtensionBrowser, page: Page, selector: string, target: MenuTarget = {}): Promise<void> {
  const element = await page.waitForSelector(selector);
  const box = await element!.boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  await rightClickAndIdentify(ext, page, box.x + box.width / 2, box.y + box.height / 2, target);
}

export interface CardState {
  state: string | null;
  text: string;
  errorCode: string | null;
}

/** The cards Glimpse shows on a page (all frames), as a user would read them. */
export async function cards(page: Page): Promise<CardState[]> {
  const all: CardState[] = [];
  for (const frame of page.frames()) {
    const found = await frame
      .evaluate(() =>
        [...document.querySelectorAll('[data-glimpse-card]')].map((host) => ({
          state: host.getAttribute('data-state'),
          text: ((host.shadowRoot?.querySelector('.card') as HTMLElement | null)?.innerText ?? '').replace(/\s+/g, ' ').trim(),
          errorCode: host.getAttribute('data-error-code'),
        })),
      )
      .catch(() => [] as CardState[]);
    all.push(...found);
  }
  return all;
}

/** Waits for the newest card to finish (result or error) and returns it. */
export async function settledCard(page: Page, count = 1, timeoutMs = 120_000): Promise<CardState[]> {
  return until(
    async () => {
      const now = await cards(page);
      return now.length >= count && now.every((c) => c.state === 'result' || c.state === 'error') ? now : undefined;
    },
    'the card to show an answer',
    timeoutMs,
  );
}
