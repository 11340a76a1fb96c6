/**
 * Firefox's real context menu, driven as a person would: a right-click in the page opens
 * #contentAreaContextMenu in the browser window; the item is chosen there (chrome-scope script
 * over BiDi), so menus.onClicked fires with Firefox's own info (srcUrl, frameId, targetElementId).
 */
import type { ElementHandle, Page } from 'puppeteer-core';
import { inBrowserWindow, until, type FirefoxWithExtension } from './firefox';

export { inBrowserWindow };

/** The labels of the open context menu's items (Glimpse's may sit in a submenu named after it). */
export function openMenuLabels(ff: FirefoxWithExtension): Promise<string[]> {
  return inBrowserWindow<string[]>(
    ff,
    `(() => {
      const menu = document.getElementById('contentAreaContextMenu');
      if (menu.state !== 'open') return [];
      return JSON.stringify([...menu.querySelectorAll('menuitem')].filter((m) => !m.hidden).map((m) => m.label));
    })()`,
  ).then((json) => (Array.isArray(json) ? json : (JSON.parse(json as unknown as string) as string[])));
}

/**
 * Chooses the open context menu's item called `label` (as a click on it would); returns the
 * browser's clock (ms since the epoch) at that moment.
 */
export async function chooseMenuItem(ff: FirefoxWithExtension, label: string): Promise<number> {
  await until(async () => (await openMenuLabels(ff)).includes(label), `the context menu to offer "${label}"`, 15_000);
  // With several items, Firefox groups an add-on's items in a submenu named after it: open it first.
  const chosenAt = await inBrowserWindow<number>(
    ff,
    `(async () => {
      const menu = document.getElementById('contentAreaContextMenu');
      const item = [...menu.querySelectorAll('menuitem')].find((m) => !m.hidden && m.label === ${JSON.stringify(label)});
      if (!item) return 0;
      const popup = item.closest('menupopup');
      if (popup !== menu && popup.state !== 'open') {
        const shown = new Promise((resolve) => popup.addEventListener('popupshown', resolve, { once: true }));
        popup.parentElement.openMenu(true);
        await shown;
      }
      const at = Date.now();
      popup.activateItem(item);
      return at;
    })()`,
  );
  if (!chosenAt) throw new Error(`the context menu has no "${label}"`);
  await until(
    () => inBrowserWindow<boolean>(ff, `document.getElementById('contentAreaContextMenu').state === 'closed'`),
    'the context menu to close',
  );
  return chosenAt;
}

/** Right-clicks a point of the page: Firefox opens its context menu there. */
export async function openContextMenu(ff: FirefoxWithExtension, page: Page, x: number, y: number): Promise<void> {
  await page.bringToFront();
  await page.mouse.move(x, y);
  await page.mouse.click(x, y, { button: 'right' });
  await until(() => inBrowserWindow<boolean>(ff, `document.getElementById('contentAreaContextMenu').state === 'open'`), 'the context menu to open');
}

/** Right-clicks a point of the page and chooses `label` in Firefox's context menu. */
export async function rightClickAndChoose(ff: FirefoxWithExtension, page: Page, x: number, y: number, label: string): Promise<void> {
  await openContextMenu(ff, page, x, y);
  await chooseMenuItem(ff, label);
}

/** Scrolls the element into view, right-clicks its centre and chooses "Identify image". */
export async function identifyElement(ff: FirefoxWithExtension, page: Page, selector: string, label = 'Identify image'): Promise<void> {
  const element = (await page.waitForSelector(selector)) as ElementHandle<Element>;
  await element.evaluate((node) => node.scrollIntoView({ block: 'center', inline: 'nearest' }));
  const box = await element.boundingBox();
  if (!box) throw new Error(`${selector} is not visible`);
  await rightClickAndChoose(ff, page, box.x + box.width / 2, box.y + box.height / 2, label);
}
