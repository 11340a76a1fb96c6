import { t } from '../../shared/i18n';
import './HistoryFilter.css';

interface Props {
  query: string;
  onQuery(query: string): void;
  /** Answers found while a filter is typed (undefined without one). */
  found: number | undefined;
}

/** "Find by name": narrows history to the answers whose name (or another name for it) matches. */
export function HistoryFilter({ query, onQuery, found }: Props) {
  return (
    <div class="history-filter">
      <label class="visually-hidden" for="history-filter">{t('popupFilterLabel')}</label>
      <input id="history-filter" type="search" value={query} placeholder={t('popupFilterPlaceholder')} autocomplete="off" spellcheck={false}
        onInput={(event) => onQuery((event.currentTarget as HTMLInputElement).value)}
        onKeyDown={(event) => event.key === 'Escape' && query !== '' && (event.preventDefault(), event.stopPropagation(), onQuery(''))} />
      <p class="visually-hidden" role="status">{found === undefined ? '' : found === 1 ? t('popupFilterFoundOne') : t('popupFilterFound', String(found))}</p>
    </div>
  );
}
