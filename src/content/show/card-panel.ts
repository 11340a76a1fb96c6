/** What the open card holds: its heading, the answer's details, a failure's message. */
import { capitalise } from '../../shared/answer-text';
import { guessPercent, plainName, waitedText, type AnswerWords, type Certainty } from '../../shared/answer-words';
import { isRetryable } from '../../shared/error-text';
import type { GlimpseError } from '../../shared/errors';
import { errorText, t, timingText } from '../../shared/i18n';
import type { HistoryEntry } from '../../shared/types';
import { bar, brandIcon, button, el } from './card-dom';
import { CARD_CSS } from './card-style';
import { stylesFor } from '../host/shadow-styles';

/** Glimpse's icon and name, then the body, then the close button. */
export function panelContent(body: HTMLElement[], closeLabel: string, onClose: () => void): HTMLElement[] {
  const head = el('p', 'head');
  head.append(brandIcon(), el('span', 'brand', t('cardTitle')), el('span', 'by', t('cardByExtension')));
  return [head, ...body, button('close', '×', onClose, closeLabel)];
}

/**
 * An answer in full: the sentence, other names, `extra` (the Why? control), the best guesses as
 * bars with percentages, then how long the user waited and which engine answered.
 */
export function answerDetails(entry: HistoryEntry, words: AnswerWords, extra: HTMLElement[] = []): HTMLElement[] {
  const details: HTMLElement[] = [el('p', 'sentence', words.sentence)];
  if (words.alsoCalled.length) details.push(el('p', 'also', t('cardAlsoCalled', words.alsoCalled.join(', '))));
  details.push(...extra);
  const list = el('ol', 'top5');
  list.setAttribute('aria-label', t('cardTopFive'));
  for (const prediction of entry.predictions) {
    const item = el('li');
    item.append(el('span', 'name', capitalise(plainName(prediction))), el('span', 'p', guessPercent(prediction)), bar(prediction.probability));
    list.append(item);
  }
  details.push(list, edgeLegend(), el('p', 'meta', `${waitedText(entry)} · ${timingText(entry)}`));
  return details;
}

/** Whether `picture` is an image that never loaded on the page (the browser shows its broken-image sign). */
const neverLoaded = (picture: Element | undefined): boolean =>
  picture?.localName === 'img' && (picture as HTMLImageElement).complete && (picture as HTMLImageElement).naturalWidth === 0 &&
  !!(picture as HTMLImageElement).currentSrc;

/**
 * A failure in words: a picture that did not load on the page either is said to have not
 * loaded (not to be "no longer at this address", which suggests it was there a moment ago).
 */
export function failureText(error: GlimpseError, picture: Element | undefined): string {
  const fetchFailed = ['http-status', 'network', 'off-screen', 'timeout', 'empty', 'corrupt', 'not-an-image'].includes(error.code);
  if (!fetchFailed || !neverLoaded(picture)) return errorText(error);
  return error.status === undefined ? t('errNotLoaded') : t('errNotLoadedStatus', String(error.status));
}

/** What the colours of the labels' edges mean: each word on a swatch of its colour. */
function edgeLegend(): HTMLElement {
  const legend = el('p', 'edges');
  legend.append(el('span', 'edges-title', t('cardEdges')));
  for (const certainty of ['sure', 'probably', 'unsure'] as const) {
    const item = el('span', `edge edge-${certainty}`);
    item.append(el('span', 'swatch'), document.createTextNode(t(`cardEdge_${certainty}`)));
    legend.append(item);
  }
  return legend;
}

/** What the label's edge says, for its tooltip and screen readers ("Blue edge: Glimpse is sure"). */
export const edgeMeaning = (certainty: Certainty): string => t(`cardEdgeMeaning_${certainty}`);

/** A failure in plain words (`text`), with "Try again" when trying again can help. */
export function errorDetails(error: GlimpseError, text: string, retry?: () => void): HTMLElement[] {
  const body: HTMLElement[] = [el('p', 'message', text)];
  if (retry && isRetryable(error)) body.push(button('retry', t('cardRetry'), retry));
  return body;
}

/** The picture was swapped since it was identified: no answer, a way to identify the new one. */
export function changedDetails(identifyAgain: () => void): HTMLElement[] {
  return [el('p', 'message', t('cardChangedMessage')), button('retry', t('cardIdentifyAgain'), identifyAgain)];
}

/** The card's styles (one constructed sheet for every card). */
export const adoptStyles = stylesFor(CARD_CSS);
