import { t } from '../../shared/i18n';
import { neverContactServers } from '../../shared/store';
import { useItem } from '../hooks/useItem';
import './NeverContactSetting.css';

/** "Never contact image servers": only what is on screen is identified; nothing is downloaded. */
export function NeverContactSetting() {
  const { value, loaded } = useItem(neverContactServers);
  return (
    <div class="setting never-contact">
      <label for="never-contact">
        {t('popupNeverContact')}
        <span class="setting-hint">{t('popupNeverContactHint')}</span>
      </label>
      <input id="never-contact" type="checkbox" checked={value} disabled={!loaded}
        onChange={(event) => void neverContactServers.setValue((event.currentTarget as HTMLInputElement).checked)} />
    </div>
  );
}
