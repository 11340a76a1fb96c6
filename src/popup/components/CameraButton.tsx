import browser from 'webextension-polyfill';
import { t } from '../../shared/i18n';
import './CameraButton.css';

/** Opens the camera view in a tab of its own (the toolbar popup closes as it goes). */
async function openCameraView(inActionPopup: boolean): Promise<void> {
  await browser.tabs.create({ url: browser.runtime.getURL('src/camera/index.html') });
  if (inActionPopup) globalThis.close();
}

export function CameraButton({ inActionPopup }: { inActionPopup: boolean }) {
  return (
    <button type="button" class="button secondary camera-open" title={t('popupCameraHint')}
      onClick={() => void openCameraView(inActionPopup).catch((error: unknown) => console.warn('[glimpse] camera view', error))}>
      <svg aria-hidden="true" width="16" height="16" viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round">
        <path d="M3 7h4l2-3h6l2 3h4v13H3z" /><circle cx="12" cy="13" r="4" />
      </svg>
      {t('popupCamera')}
    </button>
  );
}
