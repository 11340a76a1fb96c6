import browser, { type Windows } from 'webextension-polyfill';
import { t } from '../../shared/i18n';
import { send } from '../../shared/messaging';
import './RegionButton.css';

/**
 * "Identify a region…" on the tab the user was looking at: the last focused browser window's
 * active tab (the pop-out window is not a browser window). The toolbar popup closes, so the
 * page can be dragged on.
 */
async function startOnCurrentTab(inActionPopup: boolean): Promise<void> {
  const window = await browser.windows.getLastFocused({ windowTypes: ['normal'] } as Windows.GetInfo);
  const [tab] = await browser.tabs.query({ active: true, windowId: window.id });
  if (tab?.id === undefined) return;
  const { reached } = await send('background', 'run-command', { command: 'select-region', tabId: tab.id });
  if (!reached) return;
  if (inActionPopup) globalThis.close();
  else if (window.id !== undefined) await browser.windows.update(window.id, { focused: true });
}

export function RegionButton({ inActionPopup }: { inActionPopup: boolean }) {
  return (
    <button type="button" class="button secondary region-button" title={t('popupSelectRegionHint')}
      onClick={() => void startOnCurrentTab(inActionPopup).catch((error: unknown) => console.warn('[glimpse] region select', error))}>
      <svg aria-hidden="true" width="16" height="16" viewBox="0 0 16 16" fill="none" stroke="currentColor" stroke-width="1.5"
        stroke-dasharray="3 2"><rect x="2" y="2" width="12" height="12" rx="1" /></svg>
      {t('popupSelectRegion')}
    </button>
  );
}
