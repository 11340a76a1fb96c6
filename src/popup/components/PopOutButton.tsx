import { t } from '../../shared/i18n';
import { popOut } from '../hooks/useInActionPopup';
import './PopOutButton.css';

/** Moves Glimpse into a window of its own (the toolbar popup closes when focus leaves it). */
export function PopOutButton() {
  return (
    <button type="button" class="icon-button pop-out" onClick={() => void popOut()}
      aria-label={t('popupPopOut')} title={t('popupPopOut')}>
      <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
        <path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"
          d="M14 4h6v6M20 4l-8 8M18 14v4a2 2 0 0 1-2 2H6a2 2 0 0 1-2-2V8a2 2 0 0 1 2-2h4" />
      </svg>
    </button>
  );
}
