import { engineName, t } from '../../shared/i18n';
import type { EngineStatus as Status } from '../../shared/types';
import './EngineStatus.css';

function describe(status: Status): string {
  switch (status.state) {
    case 'idle':
    case 'loading':
      return t('popupEngineLoading');
    case 'warming':
      return t('popupEngineWarming');
    case 'ready':
      return status.backend ? t('popupEngineReady', engineName(status.backend, status.threads)) : t('popupEngineReadyShort');
    case 'failed':
      return t('popupEngineError');
  }
}

/** The engine's state in the header, with a progress bar along its bottom edge while the model loads. */
export function EngineStatus({ status }: { status: Status }) {
  const loading = status.state === 'loading' || status.state === 'idle';
  const progress = status.state === 'loading' && status.progress !== undefined ? Math.min(1, Math.max(0, status.progress)) : undefined;
  const busy = loading || status.state === 'warming';
  return (
    <>
      <p class={`engine engine-${status.state}`} role="status" data-engine-state={status.state}
        title={status.state === 'failed' ? t('popupEngineErrorHint') : undefined}>
        <span class="engine-dot" aria-hidden="true" />
        <span class="engine-text">{describe(status)}</span>
      </p>
      {/* Always present, so the header never changes height. */}
      <div class="progress-track" aria-hidden={!busy}>
        {busy && (
          <div class={`progress ${progress === undefined ? 'indeterminate' : ''}`} role="progressbar"
            aria-label={describe(status)} aria-valuemin={0} aria-valuemax={100}
            aria-valuenow={progress === undefined ? undefined : Math.round(progress * 100)}>
            <span style={progress === undefined ? undefined : { width: `${Math.round(progress * 100)}%` }} />
          </div>
        )}
      </div>
    </>
  );
}

/** What to do when the engine failed, shown under the header. */
export function EngineFailedHint({ status }: { status: Status }) {
  if (status.state !== 'failed') return null;
  return <p class="engine-hint alert" role="alert">{t('popupEngineErrorHint')}</p>;
}
