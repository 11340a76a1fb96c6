import type { ImportedModel } from '../../shared/custom-models';
import { t } from '../../shared/i18n';
import type { TaughtSet } from '../../shared/taught-set';
import { ModelImport } from './ModelImport';
import { TaughtClasses } from './TaughtClasses';
import './OwnClasses.css';

/** "Your class's own classes": import a Teachable Machine model, and the classes taught by example. */
export function OwnClasses({ imported, taught }: { imported: readonly ImportedModel[]; taught: TaughtSet }) {
  return (
    <details class="own-classes" open={imported.length > 0 || taught.classes.length > 0}>
      <summary>{t('ownClassesTitle')}</summary>
      <h3 class="own-heading">{t('ownImportHeading')}</h3>
      <ModelImport imported={imported} />
      <h3 class="own-heading">{t('ownTaughtHeading')}</h3>
      <TaughtClasses set={taught} />
    </details>
  );
}
