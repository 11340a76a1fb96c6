/** What the open card holds: its heading, the answer's details, a failure's message. */
import { capitalise } from '../shared/answer-text';
import { guessPercent, plainName, waitedText, type AnswerWords } from '../shared/answer-words';
import { isRetryable } from '../shared/error-text';
import type { GlimpseError } from '../shared/errors';
import { errorText, t, timingText } from '../shared/i18n';
import type { HistoryEntry } from '../shared/types';
import { bar, brandIcon, button, el } from './card-dom';
import { CARD_CSS } from './card-style';

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
  details.push(list, el('p', 'meta', `${waitedText(entry)} · ${timingText(entry)}`));
  return details;
}

/** A failure in plain words, with "Try again" when trying again can help. */
export function errorDetails(error: GlimpseError, retry?: () => void): HTMLElement[] {
  const body: HTMLElement[] = [el('p', 'message', errorText(error))];
  if (retry && isRetryable(error)) body.push(button('retry', t('cardRetry'), retry));
  return body;
}

/** The picture was swapped since it was identified: no answer, a way to identify the new one. */
export function changedDetails(identifyAgain: () => void): HTMLElement[] {
  return [el('p', 'message', t('cardChangedMessage')), button('retry', t('cardIdentifyAgain'), identifyAgain)];
}

let sheet: CSSStyleSheet | undefined;

/** The card's styles as a constructed sheet: pages whose CSP forbids inline <style> still allow it. */
export function adoptStyles(shadow: ShadowRoot): void {
  try {
    sheet ??= new CSSStyleSheet();
    if (!sheet.cssRules.length) sheet.replaceSync(CARD_CSS);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    shadow.append(el('style', undefined, CARD_CSS));
  }
}
