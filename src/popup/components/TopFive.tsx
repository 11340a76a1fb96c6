import { plainName } from '../../shared/answer-words';
import { capitalise, percent } from '../../shared/answer-text';
import { t } from '../../shared/i18n';
import type { Prediction } from '../../shared/types';
import './TopFive.css';

/** The five best guesses as labelled bars, best first. */
export function TopFive({ predictions }: { predictions: Prediction[] }) {
  return (
    <ol class="top5" aria-label={t('popupTopFive')}>
      {predictions.map((prediction) => (
        <li key={prediction.classIndex}>
          <span class="top5-name" title={prediction.synonyms.join(', ')}>
            {capitalise(plainName(prediction))}
          </span>
          <span class="top5-pct">{t('popupPercent', percent(prediction.probability))}</span>
          <span class="bar" aria-hidden="true">
            <span style={{ width: `${Math.max(1, Math.round(prediction.probability * 100))}%` }} />
          </span>
        </li>
      ))}
    </ol>
  );
}
