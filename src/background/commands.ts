/**
 * What each keyboard command (and the popup's matching buttons) does. Commands act on the tab
 * Chrome names, or the active tab of the last focused window.
 */
import browser, { type Tabs } from 'webextension-polyfill';
import { isCommandName, type CommandName } from '../shared/commands';
import { envelope } from '../shared/protocol';
import { sendToFrame } from '../shared/messaging';
import { frameUnderPointer } from './pointer-frame';
import { togglePresenterMode } from './presenter';
import { startRegionSelect } from './region-select';

async function activeTab(): Promise<Tabs.Tab | undefined> {
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

/** Asks a frame of the page (the top one by default) to do something; false when no content script runs there (a browser page, a page open since before install). */
async function askFrame(tab: Tabs.Tab, type: 'scan-page' | 'identify-pointer', frameId = 0): Promise<boolean> {
  if (tab.id === undefined || tab.id < 0) return false;
  try {
    return (await sendToFrame(tab.id, frameId, type, {})).accepted;
  } catch {
    return false;
  }
}

/** The frame the pointer is in answers for what is under it (an embed from another site included). */
async function identifyUnderPointer(tab: Tabs.Tab): Promise<boolean> {
  if (tab.id === undefined || tab.id < 0) return false;
  const frameId = await frameUnderPointer(tab.id);
  return (await askFrame(tab, 'identify-pointer', frameId)) || (frameId !== 0 && askFrame(tab, 'identify-pointer'));
}

/** Every frame of the tab clears its own labels. */
async function clearTab(tab: Tabs.Tab): Promise<boolean> {
  if (tab.id === undefined || tab.id < 0) return false;
  try {
    await browser.tabs.sendMessage(tab.id, envelope('content', 'clear-all', {}));
    return true;
  } catch {
    return false;
  }
}

const ACTIONS: Record<CommandName, (tab: Tabs.Tab) => Promise<boolean>> = {
  'identify-pointer': identifyUnderPointer,
  'identify-page': (tab) => askFrame(tab, 'scan-page'),
  'clear-all': clearTab,
  'toggle-presenter': async (tab) => (await togglePresenterMode(tab)) !== undefined,
  'select-region': (tab) => (tab.id === undefined || tab.id < 0 ? Promise.resolve(false) : startRegionSelect(tab.id)),
};

/** Runs a command on `tab` (else the active tab); whether it reached a page that could act on it. */
export async function runCommand(name: string, tab?: Tabs.Tab): Promise<boolean> {
  if (!isCommandName(name)) return false;
  const target = tab?.id !== undefined && tab.id >= 0 ? tab : await activeTab();
  if (!target) return false;
  return ACTIONS[name](target);
}
