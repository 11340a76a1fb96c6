import { t } from '../../shared/i18n';
import type { BackendPreference } from '../../shared/types';

const OPTIONS: { value: BackendPreference; key: string }[] = [
  { value: 'auto', key: 'popupBackendAuto' },
  { value: 'webgl', key: 'popupBackendWebgl' },
  { value: 'wasm', key: 'popupBackendWasm' },
  { value: 'cpu', key: 'popupBackendCpu' },
];

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
        {OPTIONS.map((option) => (
          <option key={option.value} value={option.value}>
            {t(option.key)}
          </option>
        ))}
      </select>
    </div>
  );
}
