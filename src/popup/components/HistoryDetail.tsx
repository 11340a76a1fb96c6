import { useLayoutEffect, useRef } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { describeAnswer } from '../../shared/answer-words';
import { t, timingText } from '../../shared/i18n';
import type { I18nKey } from '../../shared/i18n-keys';
import { objectPhrases } from '../../shared/object-words';
import type { HistoryEntry, Via } from '../../shared/types';
import { fullTime, sourcePageUrl, sourceSite } from '../entry-text';
import { AnswerHeading } from './AnswerHeading';
import { TrashIcon } from './HistoryItem';
import { Thumbnail } from './Thumbnail';
import { TopFive } from './TopFive';
import { WhyView } from './WhyView';
import './HistoryDetail.css';

interface Props {
  entry: HistoryEntry;
  onBack(): void;
  onDelete(id: string): Promise<void>;
}

const VIA_KEYS: Record<Via, I18nKey> = {
  download: 'popupViaDownload', page: 'popupViaPage', capture: 'popupViaCapture', region: 'popupViaRegion', upload: 'popupViaUpload',
};

/** Where the image came from: a link that opens the page in a new tab, or the uploaded file's name. */
function Origin({ entry }: { entry: HistoryEntry }) {
  const { origin } = entry;
  if (origin.uploadedName !== undefined) {
    return (
      <>
        {t('popupUploaded')}
        {origin.uploadedName && <span class="file-name">{origin.uploadedName}</span>}
      </>
    );
  }
  const url = sourcePageUrl(origin);
  if (!url) return <>{sourceSite(origin)}</>;
  const open = (event: MouseEvent) => {
    event.preventDefault();
    void browser.tabs.create({ url });
  };
  return (
    <>
      <a class="source-link" href={url} onClick={open} title={url}>
        {t('popupSourcePage')}
      </a>
      <span class="file-name">{origin.pageTitle || sourceSite(origin)}</span>
    </>
  );
}

/** Everything Glimpse kept about one answer. */
export function HistoryDetail({ entry, onBack, onDelete }: Props) {
  const backRef = useRef<HTMLButtonElement>(null);
  useLayoutEffect(() => backRef.current?.focus(), [entry.id]);

  return (
    <section class="detail" aria-labelledby="detail-heading"
      onKeyDown={(event) => event.key === 'Escape' && (event.preventDefault(), onBack())}>
      <div class="detail-bar">
        <button type="button" class="button secondary small back" ref={backRef} onClick={onBack}>
          <span class="flip" aria-hidden="true">←</span>
          {t('popupBack')}
        </button>
        <button type="button" class="button link danger small detail-delete" onClick={() => void onDelete(entry.id)}>
          <TrashIcon />
          {t('popupDelete')}
        </button>
      </div>
      <div class="detail-head">
        <Thumbnail src={entry.thumbnail} size={96} alt={entry.predictions[0] ? describeAnswer(entry).short : ''} />
        <div>
          <AnswerHeading entry={entry} level={2} id="detail-heading" />
        </div>
      </div>
      {entry.objects?.length ? (
        <p class="detail-objects">{t('objectsInPicture')} {objectPhrases(entry.objects).map((phrase) => phrase.text).join(', ')}</p>
      ) : null}
      <WhyView entry={entry} />
      <h3 class="section-title">{t('popupTopFive')}</h3>
      <TopFive predictions={entry.predictions} />
      <dl class="facts">
        <dt>{t('popupWhen')}</dt>
        <dd>
          <time dateTime={new Date(entry.createdAt).toISOString()}>{fullTime(entry.createdAt)}</time>
        </dd>
        <dt>{t('popupBackend')}</dt>
        <dd>{timingText(entry)}</dd>
        <dt>{t('popupImageSize')}</dt>
        <dd>{t('popupImageDimensions', [String(entry.width), String(entry.height)])}</dd>
        {entry.via && (
          <>
            <dt>{t('popupVia')}</dt>
            <dd class="via" data-via={entry.via}>{t(VIA_KEYS[entry.via])}</dd>
          </>
        )}
        <dt>{t('popupSource')}</dt>
        <dd class="source-cell">
          <Origin entry={entry} />
        </dd>
      </dl>
    </section>
  );
}
