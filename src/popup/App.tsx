import { useCallback, useEffect, useState } from 'preact/hooks';
import { isRetryable } from '../shared/error-text';
import { t } from '../shared/i18n';
import { send } from '../shared/messaging';
import { backendPreference, engineStatus, history } from '../shared/store';
import type { BackendPreference, EngineStatus as Status } from '../shared/types';
import { BackendSetting } from './components/BackendSetting';
import { CameraButton } from './components/CameraButton';
import { EngineFailedHint, EngineStatus } from './components/EngineStatus';
import { HistoryDetail } from './components/HistoryDetail';
import { HostAccessNotice } from './components/HostAccessNotice';
import { HistoryList } from './components/HistoryList';
import { NeverContactSetting } from './components/NeverContactSetting';
import { PopOutButton } from './components/PopOutButton';
import { RegionButton } from './components/RegionButton';
import { LatestAnswer } from './components/LatestAnswer';
import { PageActions } from './components/PageActions';
import { Shortcuts } from './components/Shortcuts';
import { DropOverlay, UploadZone } from './components/UploadZone';
import { useDropAndPaste, type Dropped } from './hooks/useDropAndPaste';
import { useHistory } from './hooks/useHistory';
import { useIdentify } from './hooks/useIdentify';
import { useInActionPopup } from './hooks/useInActionPopup';
import { useItem } from './hooks/useItem';
import { useLatest } from './hooks/useLatest';
import { useNow } from './hooks/useNow';
import { pickLatest } from './latest';
import { ModelChoice } from './components/ModelChoice';
import { OwnClasses } from './components/OwnClasses';
import { chosenModel, importedModels, taughtClasses } from '../shared/store';
import './App.css';

const focusUpload = () => document.querySelector<HTMLElement>('.upload-button')?.focus();

/** Asks the engine to load now: whoever opens the popup is likely to identify something soon. */
const warm = (): Promise<Status | undefined> =>
  send('background', 'warm', {}).catch((error: unknown) => {
    console.warn('[glimpse] could not warm the engine', error);
    return undefined;
  });

export function App() {
  const { entries, loaded: historyLoaded } = useHistory();
  const { latest: storedLatest, loaded: latestLoaded } = useLatest();
  const engine = useItem(engineStatus);
  const preference = useItem(backendPreference);
  const { local, identify, retry, forget } = useIdentify();
  const now = useNow();
  const inActionPopup = useInActionPopup();
  const [warmAnswer, setWarmAnswer] = useState<Status | undefined>(undefined);
  const [openId, setOpenId] = useState<string | undefined>(undefined);
  const [returnTo, setReturnTo] = useState<string | undefined>(undefined);
  const model = useItem(chosenModel);
  const imported = useItem(importedModels);
  const taught = useItem(taughtClasses);

  useEffect(() => {
    void warm().then(setWarmAnswer);
  }, []);

  const onGiven = useCallback(
    (given: Dropped) =>
      void identify(given.kind === 'file' ? given : { kind: 'url', url: given.url, origin: { imageUrl: given.url } }),
    [identify],
  );
  const dragging = useDropAndPaste(onGiven);

  const latest = pickLatest(storedLatest, local, Date.now());
  const onRetry = (() => {
    if (latest?.kind !== 'error' || !isRetryable(latest.error)) return undefined;
    if (latest === local) return retry;
    const url = latest.origin.imageUrl;
    return url ? () => void identify({ kind: 'url', url, origin: latest.origin }) : undefined;
  })();

  const open = openId ? entries.find((entry) => entry.id === openId) : undefined;
  const showDetail = (id: string) => {
    setReturnTo(undefined);
    setOpenId(id);
  };
  const back = () => {
    setReturnTo(openId);
    setOpenId(undefined);
  };
  const remove = async (id: string) => {
    forget(id);
    await history.remove(id);
    if (id === openId) {
      setOpenId(undefined);
      setReturnTo(undefined);
      requestAnimationFrame(() => (document.querySelector<HTMLElement>('.entry-open') ?? document.querySelector<HTMLElement>('.upload-button'))?.focus());
    }
  };
  const clear = async () => {
    forget();
    await history.clear();
    requestAnimationFrame(focusUpload);
  };
  const choose = (value: BackendPreference) => {
    void backendPreference.setValue(value).then(warm);
  };

  const status: Status = engine.value ?? warmAnswer ?? { state: 'idle' };
  const ready = historyLoaded && latestLoaded && engine.loaded && preference.loaded;

  return (
    <main class="app" data-ready={ready ? 'true' : 'false'}>
      <header class="top">
        <div class="brand">
          <img src="/icons/icon32.png" alt="" width="24" height="24" />
          <h1>{t('popupTitle')}</h1>
        </div>
        <div class="top-end">
          <EngineStatus status={status} />
          {inActionPopup && <PopOutButton />}
        </div>
      </header>
      <div class="content" hidden={!ready}>
        <EngineFailedHint status={status} />
        <HostAccessNotice />
        {open ? (
          <HistoryDetail entry={open} onBack={back} onDelete={remove} />
        ) : (
          <>
            <PageActions inActionPopup={inActionPopup} region={<RegionButton inActionPopup={inActionPopup} />}
              camera={<CameraButton inActionPopup={inActionPopup} />}>
              <UploadZone onFile={(file) => void identify({ kind: 'file', file })} />
            </PageActions>
            <LatestAnswer shown={latest} now={now} onRetry={onRetry} />
            <HistoryList entries={entries} now={now} onOpen={showDetail} onDelete={remove} onClear={clear} focusId={returnTo} />
            <OwnClasses imported={imported.value} taught={taught.value} />
            <section class="settings" aria-label={t('popupSettings')}>
              <ModelChoice value={model.value} imported={imported.value} taught={taught.value.classes.length > 0}
                onChange={(choice) => void chosenModel.setValue(choice)} />
              <BackendSetting value={preference.value} onChange={choose} />
              <NeverContactSetting />
              <Shortcuts />
            </section>
          </>
        )}
      </div>
      <DropOverlay visible={dragging} />
    </main>
  );
}
