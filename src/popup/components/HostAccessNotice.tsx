import './HostAccessNotice.css';
import { t } from '../../shared/i18n';
import { useHostAccess } from '../hooks/useHostAccess';

/** Says so when Glimpse's access to websites was turned off, and offers to turn it back on. */
export function HostAccessNotice() {
  const { granted, request } = useHostAccess();
  if (granted !== false) return null;
  return (
    <div class="access-notice alert" role="alert">
      <p>{t('accessRevoked')}</p>
      <button type="button" class="button primary small access-allow" onClick={request}>
        {t('accessAllow')}
      </button>
    </div>
  );
}
