import type { ComponentChildren } from 'preact';
import { useEffect, useState } from 'preact/hooks';
import type { CommandName } from '../../shared/commands';
import { t } from '../../shared/i18n';
import type { I18nKey } from '../../shared/i18n-keys';
import { send } from '../../shared/messaging';
import { presenterOn, siteOf, withPresenter } from '../../shared/presenter-sites';
import { presenterMode } from '../../shared/store';
import { useItem } from '../hooks/useItem';
import { pageTab } from '../page-tab';
import './PageActions.css';

type Notice = { kind: 'ok' | 'failed'; text: string } | undefined;

/** Runs a shortcut's action on the page; whether a page was there to act on it. */
async function onPage(command: CommandName): Promise<boolean> {
  const tab = await pageTab();
  if (tab?.id === undefined) return false;
  const { reached } = await send('background', 'run-command', { command, tabId: tab.id });
  return reached;
}

/**
 * What the popup does to the page in front: identify all its pictures (or a region), clear
 * Glimpse's labels from it, and presenter mode (big labels for a class) for its site.
 */
interface Props {
  inActionPopup: boolean;
  /** Beside "identify all images": the upload button. */
  children?: ComponentChildren;
  /** Beside "clear labels": region select. */
  region?: ComponentChildren;
  /** Beside the presenter switch: the camera view (both for showing things to a room). */
  camera?: ComponentChildren;
}

export function PageActions({ inActionPopup, children, region, camera }: Props) {
  const presenter = useItem(presenterMode);
  const [notice, setNotice] = useState<Notice>(undefined);
  // The site of the page in front (undefined: a page without one, where presenter mode cannot be turned on).
  const [site, setSite] = useState<string | undefined>(undefined);
  useEffect(() => void pageTab().then((tab) => setSite(siteOf(tab?.url)), () => undefined), []);
  const presenting = presenterOn(presenter.value, site);
  const host = site?.replace(/^[a-z]+:\/\//, '') ?? '';

  const run = async (command: CommandName, done: I18nKey) => {
    const reached = await onPage(command).catch(() => false);
    // The toolbar popup covers the page's corner: it steps aside so the labels can be seen.
    if (reached && inActionPopup && command === 'identify-page') window.close();
    setNotice(reached ? { kind: 'ok', text: t(done) } : { kind: 'failed', text: t('popupPageUnavailable') });
  };

  return (
    <section class="page-actions" aria-label={t('popupPageActions')}>
      <div class="page-actions-row">
        <button type="button" class="button primary identify-page" onClick={() => void run('identify-page', 'popupScanStarted')}>
          <GridIcon />
          {t('popupIdentifyPage')}
        </button>
        {children}
      </div>
      <div class="page-actions-row">
        {region}
        <button type="button" class="button secondary clear-labels" onClick={() => void run('clear-all', 'popupLabelsCleared')}>
          {t('popupClearLabels')}
        </button>
      </div>
      <div class="page-actions-row">
        <button type="button" class="switch presenter-toggle" role="switch" aria-checked={presenting ? 'true' : 'false'}
          disabled={!presenter.loaded || (site === undefined && !presenting)}
          title={site ? t('popupPresenterSite', host) : t('popupPresenterNoSite')}
          onClick={() => void presenterMode.setValue(withPresenter(presenter.value, site, !presenting))}>
          <span class="switch-track" aria-hidden="true"><span class="switch-thumb" /></span>
          {t('popupPresenter')}
          {host && <span class="presenter-site">{host}</span>}
        </button>
        {camera}
      </div>
      <p class={`page-notice ${notice?.kind ?? ''}`} role="status">{notice?.text ?? ''}</p>
    </section>
  );
}

function GridIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"
        d="M4 4h7v7H4zM13 4h7v7h-7zM4 13h7v7H4zM13 13h7v7h-7z" />
    </svg>
  );
}
