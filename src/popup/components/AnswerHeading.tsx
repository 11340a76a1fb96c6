import { capitalise, percent } from '../../shared/answer-text';
import { t } from '../../shared/i18n';
import type { HistoryEntry } from '../../shared/types';
import './AnswerHeading.css';

/** The best guess in words: "German shepherd", "92% sure". */
export function AnswerHeading({ entry, level, id }: { entry: HistoryEntry; level: 2 | 3; id?: string }) {
  const top = entry.predictions[0];
  if (!top) return null;
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <>
      <Heading class="label" id={id} title={top.synonyms.join(', ')}>
        {capitalise(top.label)}
      </Heading>
      <p class="confidence">{t('confidence', percent(top.probability))}</p>
    </>
  );
}
