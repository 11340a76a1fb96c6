import { useRef, useState } from 'preact/hooks';
import { t } from '../../shared/i18n';
import type { I18nKey } from '../../shared/i18n-keys';
import { taughtClasses } from '../../shared/store';
import {
  deleteClass, deleteExample, mergeTaught, readTaughtFile, renameClass, TaughtFileError, taughtFileText, type TaughtClass, type TaughtFileProblem, type TaughtSet,
} from '../../shared/taught-set';
import './TaughtClasses.css';

const TAUGHT_FILE_PROBLEM_KEYS: Record<TaughtFileProblem, I18nKey> = {
  'not-json': 'taughtFileProblem_not_json',
  'not-taught': 'taughtFileProblem_not_taught',
  newer: 'taughtFileProblem_newer',
  broken: 'taughtFileProblem_broken',
};

/** Every change reads the set afresh (a teach on a page may have added to it since it was shown). */
async function change(edit: (set: TaughtSet) => TaughtSet): Promise<void> {
  await taughtClasses.setValue(edit(await taughtClasses.getValue()));
}

function download(set: TaughtSet): void {
  const url = URL.createObjectURL(new Blob([taughtFileText(set)], { type: 'application/json' }));
  const link = Object.assign(document.createElement('a'), { href: url, download: 'glimpse-my-classes.json' });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** "My classes": the classes taught by example, their thumbnails, rename and delete, and the shared file. */
export function TaughtClasses({ set }: { set: TaughtSet }) {
  const fileRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<{ kind: 'ok' | 'error'; text: string } | undefined>(undefined);

  const importFile = async (file: File | undefined) => {
    if (!file) return;
    try {
      const incoming = readTaughtFile(await file.text());
      await change((current) => mergeTaught(current, incoming));
      setMessage({ kind: 'ok', text: t('taughtImported', String(incoming.classes.length)) });
    } catch (error) {
      const reason = error instanceof TaughtFileError ? error.reason : 'broken';
      setMessage({ kind: 'error', text: t(TAUGHT_FILE_PROBLEM_KEYS[reason]) });
    }
  };

  return (
    <div class="taught">
      {set.classes.length === 0 ? (
        <p class="taught-empty">{t('taughtEmpty')}</p>
      ) : (
        set.classes.map((taught) => <ClassRow key={taught.name} taught={taught} />)
      )}
      <div class="taught-actions">
        <button type="button" class="button secondary small taught-export" disabled={set.classes.length === 0} onClick={() => download(set)}>
          {t('taughtExport')}
        </button>
        <button type="button" class="button secondary small taught-import" onClick={() => fileRef.current?.click()}>
          {t('taughtImport')}
        </button>
        <input ref={fileRef} id="taught-input" class="visually-hidden" type="file" accept=".json,application/json" tabIndex={-1}
          aria-label={t('taughtImportLabel')}
          onChange={(event) => {
            const input = event.currentTarget as HTMLInputElement;
            const file = input.files?.[0];
            input.value = '';
            void importFile(file);
          }} />
      </div>
      {message && <p class="taught-message" role="status" data-kind={message.kind}>{message.text}</p>}
    </div>
  );
}

function ClassRow({ taught }: { taught: TaughtClass }) {
  const [renaming, setRenaming] = useState(false);
  const finish = (value: string | undefined) => {
    setRenaming(false);
    if (value !== undefined && value.trim() && value.trim() !== taught.name) void change((set) => renameClass(set, taught.name, value));
  };
  return (
    <section class="taught-class" aria-label={taught.name} data-class={taught.name}>
      <div class="taught-class-head">
        {renaming ? (
          <input aria-label={t('taughtRenameLabel', taught.name)} defaultValue={taught.name} maxLength={40} ref={(input) => input?.focus()}
            onKeyDown={(event) => {
              if (event.key === 'Enter') finish((event.currentTarget as HTMLInputElement).value);
              if (event.key === 'Escape') {
                event.stopPropagation();
                finish(undefined);
              }
            }}
            onBlur={(event) => finish((event.currentTarget as HTMLInputElement).value)} />
        ) : (
          <h3 class="taught-class-name">{t('taughtClassName', [taught.name, String(taught.examples.length)])}</h3>
        )}
        <button type="button" class="button link small" onClick={() => setRenaming(true)} aria-label={t('taughtRenameLabel', taught.name)}>
          {t('taughtRename')}
        </button>
        <button type="button" class="button link danger small" onClick={() => void change((set) => deleteClass(set, taught.name))}
          aria-label={t('taughtDeleteClassLabel', taught.name)}>
          {t('taughtDelete')}
        </button>
      </div>
      <ul class="taught-examples">
        {taught.examples.map((example, i) => (
          <li class="taught-example" key={example.id}>
            <img src={example.thumbnail} alt={t('taughtExampleAlt', [taught.name, String(i + 1)])} />
            <button type="button" aria-label={t('taughtDeleteExampleLabel', [taught.name, String(i + 1)])}
              onClick={() => void change((set) => deleteExample(set, example.id))}>×</button>
          </li>
        ))}
      </ul>
    </section>
  );
}
