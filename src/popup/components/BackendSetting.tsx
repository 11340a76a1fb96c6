import { t } from '../../shared/i18n';
import type { I18nKey } from '../../shared/i18n-keys';
import { BACKEND_PREFERENCES, type BackendPreference } from '../../shared/types';
import './BackendSetting.css';

const LABEL_KEYS: Record<BackendPreference, I18nKey> = {
  auto: 'popupBackendAuto',
  webgl: 'popupBackendWebgl',
  wasm: 'popupBackendWasm',
  cpu: 'popupBackendCpu',
};

interface Props {
  value: BackendPreference;
  onChange(preference: BackendPreference): void;
}

/** Which engine backend to use; the service worker reads the choice for each request. */
export function BackendSetting({ value, onChange }: Props) {
  return (
    <div class="setting">
      <label for="backend-select">{t('popupBackend')}</label>
      <select id="backend-select" value={value}
        onChange={(event) => onChange((event.currentTarget as HTMLSelectElement).value as BackendPreference)}>
        {BACKEND_PREFERENCES.map((preference) => (
          <option key={preference} value={preference}>
            {t(LABEL_KEYS[preference])}
          </option>
        ))}
      </select>
    </div>
  );
}
