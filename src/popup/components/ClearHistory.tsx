import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import './ClearHistory.css';

interface Props {
  count: number;
  onClear(): Promise<void>;
}

/** "Clear history", asking once inside the popup (Escape or Cancel backs out). */
export function ClearHistory({ count, onClear }: Props) {
  const [confirming, setConfirming] = useState(false);
  const cancelRef = useRef<HTMLButtonElement>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const wasConfirming = useRef(false);

  useLayoutEffect(() => {
    if (confirming) cancelRef.current?.focus();
    else if (wasConfirming.current) openRef.current?.focus();
    wasConfirming.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <button type="button" class="button link danger clear-all" ref={openRef} onClick={() => setConfirming(true)}>
        {t('popupClearAll')}
      </button>
    );
  }
  return (
    <div class="confirm" role="alertdialog" aria-labelledby="confirm-text"
      onKeyDown={(event) => event.key === 'Escape' && (event.stopPropagation(), setConfirming(false))}>
      <p id="confirm-text">{t('popupClearConfirm', String(count))}</p>
      <div class="confirm-actions">
        <button type="button" class="button danger confirm-yes" onClick={() => void onClear().finally(() => setConfirming(false))}>
          {t('popupConfirmYes')}
        </button>
        <button type="button" class="button secondary confirm-no" ref={cancelRef} onClick={() => setConfirming(false)}>
          {t('popupConfirmNo')}
        </button>
      </div>
    </div>
  );
}
