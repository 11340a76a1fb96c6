import { useRef } from 'preact/hooks';
import { t } from '../../shared/i18n';
import './UploadZone.css';

/** "Choose a picture…" (an icon button), with a reminder that dropping and pasting work too. */
export function UploadZone({ onFile }: { onFile(file: File): void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const chosen = (event: Event) => {
    const input = event.currentTarget as HTMLInputElement;
    const file = input.files?.[0];
    // Cleared, so choosing the same file again still counts as a change.
    input.value = '';
    if (file) onFile(file);
  };
  return (
    <div class="upload">
      <button type="button" class="button secondary upload-button" onClick={() => inputRef.current?.click()}
        aria-label={t('popupUpload')} aria-describedby="upload-hint" title={`${t('popupUpload')} ${t('popupUploadHint')}`}>
        <UploadIcon />
      </button>
      <span class="visually-hidden" id="upload-hint">{t('popupUploadHint')}</span>
      <input ref={inputRef} id="upload-input" class="visually-hidden" type="file" accept="image/*" tabIndex={-1}
        aria-hidden="true" onChange={chosen} />
    </div>
  );
}

function UploadIcon() {
  return (
    <svg viewBox="0 0 24 24" width="18" height="18" aria-hidden="true" focusable="false">
      <path fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"
        d="M12 16V4M7 9l5-5 5 5M4 16v3a1 1 0 0 0 1 1h14a1 1 0 0 0 1-1v-3" />
    </svg>
  );
}

export function DropOverlay({ visible }: { visible: boolean }) {
  return (
    <div class="drop-overlay" hidden={!visible} aria-hidden="true">
      <p>{t('popupDropHere')}</p>
    </div>
  );
}
