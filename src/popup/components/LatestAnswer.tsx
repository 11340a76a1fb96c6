import { useState } from 'preact/hooks';
import { describeAnswer, waitedText } from '../../shared/answer-words';
import { errorText, t, timingText } from '../../shared/i18n';
import type { HistoryEntry, ImageOrigin } from '../../shared/types';
import { relativeTime, sourceSite } from '../entry-text';
import type { Shown } from '../latest';
import { Spinner } from './Spinner';
import { Thumbnail } from './Thumbnail';
import { TopFive } from './TopFive';
import './LatestAnswer.css';

interface Props {
  shown: Shown | undefined;
  now: number;
  onRetry: (() => void) | undefined;
}

function Source({ origin, at, now }: { origin: ImageOrigin; at: number; now: number }) {
  const where = origin.uploadedName ?? sourceSite(origin);
  return (
    <p class="source dotted">
      <span class="shrink">{where}</span>
      <time dateTime={new Date(at).toISOString()}>{relativeTime(at, now)}</time>
    </p>
  );
}

/** The answer in the label's words ("Probably a koala"), and how sure, where and when in one line under it. */
function CompactHeading({ entry, now }: { entry: HistoryEntry; now: number }) {
  const top = entry.predictions[0];
  if (!top) return null;
  const words = describeAnswer(entry);
  return (
    <>
      <h3 class="label" data-certainty={words.certainty} title={words.alsoCalled.length ? t('cardAlsoCalled', words.alsoCalled.join(', ')) : undefined}>
        {words.sentence}
      </h3>
      <p class="source dotted">
        {words.confidence && <span class="confidence">{words.confidence}</span>}
        <span class="shrink">{entry.origin.uploadedName ?? sourceSite(entry.origin)}</span>
        <time dateTime={new Date(entry.createdAt).toISOString()}>{relativeTime(entry.createdAt, now)}</time>
      </p>
    </>
  );
}

/**
 * What a screen reader says when the outcome changes: the answer, "Identifying…" or the failure.
 * It lives apart from the card, so the clock ticking "1 minute ago" is not announced again and again.
 */
function Announcement({ shown }: { shown: Shown | undefined }) {
  const words = shown?.kind === 'answer' && shown.entry.predictions.length ? describeAnswer(shown.entry) : undefined;
  return (
    <p class="visually-hidden" aria-live="polite" aria-atomic="true">
      {words && <span>{words.sentence}</span>}
      {shown?.kind === 'working' && t('popupWorking')}
      {shown?.kind === 'error' && <><span>{t('popupFailed')}</span> <span>{errorText(shown.error)}</span></>}
    </p>
  );
}

/** The latest outcome: the answer with its top 5, a spinner while working, or the failure in plain words. */
export function LatestAnswer({ shown, now, onRetry }: Props) {
  return (
    <>
      <Announcement shown={shown} />
      <LatestCard shown={shown} now={now} onRetry={onRetry} />
    </>
  );
}

/**
 * Compact: the answer in one row (its heading is for screen readers; the card speaks for itself),
 * the top 5 and timing one click away, so history keeps the room.
 */
function LatestCard({ shown, now, onRetry }: Props) {
  const [expanded, setExpanded] = useState(false);
  return (
    <section class="latest" aria-labelledby="latest-heading" data-state={shown?.kind ?? 'none'}
      data-error-code={shown?.kind === 'error' ? shown.error.code : undefined} hidden={!shown}>
      <h2 id="latest-heading" class="visually-hidden">{t('popupLatest')}</h2>
      {shown?.kind === 'answer' && (
        <div class="latest-card compact">
          <div class="latest-head">
            <Thumbnail src={shown.entry.thumbnail} size={48} />
            <div class="latest-text">
              <CompactHeading entry={shown.entry} now={now} />
            </div>
            <button type="button" class="button secondary small more-toggle" aria-expanded={expanded ? 'true' : 'false'}
              aria-controls="latest-more" onClick={() => setExpanded(!expanded)}>
              {t(expanded ? 'popupLess' : 'popupTopFive')}
            </button>
          </div>
          <div id="latest-more" class="latest-more" hidden={!expanded}>
            <TopFive predictions={shown.entry.predictions} />
            <p class="meta">{waitedText(shown.entry)} · {timingText(shown.entry)}</p>
          </div>
        </div>
      )}
      {shown?.kind === 'working' && (
        <div class="latest-card working">
          <Spinner />
          <div>
            <p class="status-line">{t('popupWorking')}</p>
            <Source origin={shown.origin} at={shown.at} now={now} />
          </div>
        </div>
      )}
      {shown?.kind === 'error' && (
        <div class="latest-card failed">
          <span class="error-icon" aria-hidden="true">!</span>
          <div>
            <p class="status-line">{t('popupFailed')}</p>
            <p class="error-text">{errorText(shown.error)}</p>
            <Source origin={shown.origin} at={shown.at} now={now} />
            {onRetry && (
              <button type="button" class="button secondary small" onClick={onRetry}>
                {t('popupRetry')}
              </button>
            )}
          </div>
        </div>
      )}
    </section>
  );
}
