import { describeAnswer } from '../../shared/answer-words';
import { t } from '../../shared/i18n';
import type { HistoryEntry } from '../../shared/types';
import './AnswerHeading.css';

/** The answer in the same words as the label on the page ("Probably a lion, maybe a tiger"), then how sure: "62% sure". */
export function AnswerHeading({ entry, level, id }: { entry: HistoryEntry; level: 2 | 3; id?: string }) {
  const top = entry.predictions[0];
  if (!top) return null;
  const words = describeAnswer(entry);
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <>
      <Heading class="label" id={id} data-certainty={words.certainty} title={words.alsoCalled.length ? t('cardAlsoCalled', words.alsoCalled.join(', ')) : undefined}>
        {words.sentence}
      </Heading>
      {words.confidence && <p class="confidence">{words.confidence}</p>}
    </>
  );
}
