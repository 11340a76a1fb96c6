import { useRef, useState } from 'preact/hooks';
import type { ImportedModel, ImportProblem } from '../../shared/custom-models';
import type { I18nKey } from '../../shared/i18n-keys';
import { t } from '../../shared/i18n';
import { send } from '../../shared/messaging';
import { sortTeachableFiles } from '../teachable-files';
import './ModelImport.css';

const IMPORT_PROBLEM_KEYS: Record<ImportProblem, I18nKey> = {
  'missing-files': 'importProblem_missing_files',
  'not-teachable': 'importProblem_not_teachable',
  'broken-weights': 'importProblem_broken_weights',
  'labels-mismatch': 'importProblem_labels_mismatch',
  'not-image-model': 'importProblem_not_image_model',
  engine: 'importProblem_engine',
};

type Message = { kind: 'ok' | 'error' | 'working'; text: string } | undefined;

/**
 * "Import a Teachable Machine model": its three files at once, by the picker or a drop. The
 * engine checks them; a refusal says what is wrong and the model that answers stays as it was.
 */
export function ModelImport({ imported }: { imported: readonly ImportedModel[] }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<Message>(undefined);
  const [over, setOver] = useState(false);

  const take = async (files: readonly File[]) => {
    if (files.length === 0) return;
    setMessage({ kind: 'working', text: t('importWorking') });
    const sorted = await sortTeachableFiles(files);
    if (sorted === 'missing-files') {
      setMessage({ kind: 'error', text: t('importProblem_missing_files') });
      return;
    }
    try {
      const outcome = await send('background', 'import-model', sorted);
      if (outcome.ok) setMessage({ kind: 'ok', text: t('importDone', [outcome.model.name, String(outcome.model.labels.length)]) });
      else setMessage({ kind: 'error', text: t(IMPORT_PROBLEM_KEYS[outcome.reason]) });
    } catch {
      setMessage({ kind: 'error', text: t('importProblem_engine') });
    }
  };

  const stop = (event: DragEvent) => {
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div class="model-import">
      <div class="drop-target" data-over={over ? 'true' : 'false'}
        onDragEnter={(event) => (stop(event), setOver(true))}
        onDragOver={stop}
        onDragLeave={() => setOver(false)}
        onDrop={(event) => {
          stop(event);
          setOver(false);
          void take([...(event.dataTransfer?.files ?? [])]);
        }}>
        <span id="import-hint">{t('importHint')}</span>
        <button type="button" class="button secondary small" onClick={() => inputRef.current?.click()} aria-describedby="import-hint">
          {t('importChoose')}
        </button>
        <input ref={inputRef} id="teachable-input" class="visually-hidden" type="file" multiple accept=".json,.bin,application/json,application/octet-stream"
          aria-label={t('importLabel')} tabIndex={-1}
          onChange={(event) => {
            const input = event.currentTarget as HTMLInputElement;
            const files = [...(input.files ?? [])];
            input.value = '';
            void take(files);
          }} />
      </div>
      {message && <p class="import-message" role="status" data-kind={message.kind}>{message.text}</p>}
      {imported.map((model) => (
        <div class="imported" key={model.id}>
          <span>{t('importedModel', [model.name, model.labels.join(', ')])}</span>
          <button type="button" class="button link danger small" aria-label={t('importRemoveLabel', model.name)}
            onClick={() => void send('background', 'remove-model', { id: model.id })}>
            {t('importRemove')}
          </button>
        </div>
      ))}
    </div>
  );
}
