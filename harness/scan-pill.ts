/** The page scan's progress pill ("12 of 24", a bar, Stop/Close), read and pressed as a person would, through its closed shadow root. */
import type { Page } from 'puppeteer-core';
import { until } from './chromium';
import { callOnRoot, closedShadowRoots } from './closed-shadow';

const PILL_HOST = 'glimpse-scan-progress';

export interface ScanPill {
  state: string | null;
  done: number;
  total: number;
  /** How many slices the walk over the page took (test builds note it). */
  walkSlices: number;
  /** What is on screen: the count, the hint when shown, the button (not the screen-reader-only announcement). */
  text: string;
  /** The centre of its button (Stop, then Close), in the page's viewport. */
  button: { x: number; y: number };
}

function readPill(root: ShadowRoot): ScanPill {
  // The state and counts live inside the closed root, never on the host in the page's DOM.
  const pill = root.querySelector('.pill')!;
  const shown = ['.text', '.hint:not([hidden])', 'button'].map((selector) => (root.querySelector(selector) as HTMLElement | null)?.innerText ?? '');
  const button = root.querySelector('button')!.getBoundingClientRect();
  return {
    state: pill.getAttribute('data-state'),
    done: Number(pill.getAttribute('data-done')),
    total: Number(pill.getAttribute('data-total')),
    walkSlices: Number(pill.getAttribute('data-walk-slices')),
    text: shown.join(' ').replace(/\s+/g, ' ').trim(),
    button: { x: button.left + button.width / 2, y: button.top + button.height / 2 },
  };
}

/** The pill as a person reads it (null when there is none). */
export async function scanPill(page: Page): Promise<ScanPill | null> {
  for await (const root of closedShadowRoots(page, PILL_HOST)) return callOnRoot<ScanPill>(root, readPill.toString());
  return null;
}

/** Waits until there is a pill that passes `check`; returns it. */
export function pillWhen(page: Page, check: (pill: ScanPill) => boolean, what: string, timeoutMs?: number): Promise<ScanPill> {
  return until(async () => {
    const pill = await scanPill(page);
    return pill && check(pill) ? pill : undefined;
  }, what, timeoutMs);
}

/** Clicks the pill's button (Stop while it scans, Close after) with the mouse. */
export async function pressPillButton(page: Page): Promise<void> {
  const pill = await pillWhen(page, () => true, 'the progress pill to show');
  await page.mouse.click(pill.button.x, pill.button.y);
}
