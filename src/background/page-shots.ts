import type { Tabs } from 'webextension-polyfill';
import { toGlimpseError } from '../shared/errors';
import type { Outcome, ScreenArea } from '../shared/types';
import { takeShots } from './capture';

/**
 * A page's content script asks for a capture of the areas its pictures occupy (it has hidden
 * Glimpse's own elements and will check nothing moved). Only the visible tab of a window can be
 * captured; the content script asks only for an identification the user started.
 */
export async function shootForPage(tab: Tabs.Tab | undefined, areas: ScreenArea[]): Promise<Outcome<{ shots: string[]; capturedAt: number }>> {
  if (tab?.id === undefined || tab.id < 0 || tab.windowId === undefined || !tab.active) {
    return { ok: false, error: { code: 'off-screen', detail: 'the tab is not the visible one' } };
  }
  try {
    return { ok: true, value: await takeShots(tab.id, tab.windowId, areas) };
  } catch (error) {
    return { ok: false, error: toGlimpseError(error) };
  }
}
