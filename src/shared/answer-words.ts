/**
 * An answer in words a child reads right: "Polar bear", "Probably a lion, maybe a tiger",
 * "Not sure: velvet?", "Looks like a chart". How sure the words sound comes from a calibration
 * measured on the dev photos (how often the top answer is right at each confidence:
 * docs/CALIBRATION.md, redo it with `npm run calibrate`). The one place that turns an answer
 * into words: the label, the card, the popup's latest answer and its history all use it.
 */
import { capitalise, percent } from './answer-text';
import { t } from './i18n';
import type { I18nKey } from './i18n-keys';
import { alsoCalled, simpleName } from './labels';
import { CALIBRATION, certaintyOf, type Certainty } from './calibration';
import type { Classification, HistoryEntry, NotPhotoKind, Prediction } from './types';

export { CALIBRATION, certaintyOf, type Certainty };

/** The everyday name of a guess, for entries saved before everyday names existed too. */
export const plainName = (prediction: Pick<Prediction, 'classIndex' | 'label'>): string =>
  simpleName(prediction.classIndex) ?? prediction.label;

/** "a lion", "an owl", "sunglasses" (English; plural names take no article). */
export function withArticle(name: string): string {
  if (/[^s]s$/i.test(name) && !/(us|is|ss)$/i.test(name)) return name;
  if (/^[A-Z]{2}/.test(name)) return `${/^[AEFHILMNORSX]/.test(name) ? 'an' : 'a'} ${name}`;
  if (/^(uni|use|eu|one)/i.test(name)) return `a ${name}`;
  return `${/^[aeiou]/i.test(name) ? 'an' : 'a'} ${name}`;
}

export interface AnswerWords {
  certainty: Certainty;
  /** One line for the label on the picture and presenter mode: "Polar bear", "Probably a lion", "Not sure: velvet?". */
  short: string;
  /** The full answer for the card and popup: "Probably a lion, maybe a tiger", "Not sure. Best guesses: …". */
  sentence: string;
  /** WordNet's other names for the top guess ("ice bear, Ursus maritimus"); empty when none. */
  alsoCalled: string[];
  /** How sure the model is of its top guess, for beside the words: "62% sure"; '' when the guess is not shown (not a photo). */
  confidence: string;
  /** What the picture looks like when it is not a photo of a thing ('chart', 'text', …). */
  notPhoto?: NotPhotoKind;
}

/** "Looks like a chart" for each kind of picture that is not a photo. */
const NOT_PHOTO_WORDS: Record<NotPhotoKind, I18nKey> = {
  chart: 'wordsNotPhotoChart',
  diagram: 'wordsNotPhotoDiagram',
  table: 'wordsNotPhotoTable',
  drawing: 'wordsNotPhotoDrawing',
  text: 'wordsNotPhotoText',
  screenshot: 'wordsNotPhotoScreenshot',
  map: 'wordsNotPhotoMap',
  graphic: 'wordsNotPhotoGraphic',
};

export function describeAnswer(answer: Pick<Classification, 'predictions' | 'structure' | 'notPhoto'> & Pick<Partial<Classification>, 'model'>): AnswerWords {
  const words = describeWords(answer);
  // The class's own model says whose words these are: "My classes: Dog".
  if (!answer.model) return words;
  const named = (text: string) => t('wordsFromModel', [answer.model!.name, text]);
  return { ...words, short: named(words.short), sentence: named(words.sentence) };
}

function describeWords(answer: Pick<Classification, 'predictions' | 'structure' | 'notPhoto'> & Pick<Partial<Classification>, 'model'>): AnswerWords {
  const [top, second] = answer.predictions;
  if (!top) return { certainty: 'unsure', short: t('wordsNotSure'), sentence: t('wordsNotSure'), alsoCalled: [], confidence: '' };
  if (answer.notPhoto && NOT_PHOTO_WORDS[answer.notPhoto]) {
    // Not a photo of a thing: the model's guess ("envelope" for a bar chart) would only mislead.
    const short = t(NOT_PHOTO_WORDS[answer.notPhoto]);
    const sentence = answer.notPhoto === 'graphic' ? t('wordsNotPhotoGraphicSentence') : t('wordsNotPhotoSentence', short);
    return { certainty: 'unsure', short, sentence, alsoCalled: [], confidence: '', notPhoto: answer.notPhoto };
  }
  const certainty = certaintyOf(answer);
  const name = plainName(top);
  const others = alsoCalled({ label: name, synonyms: top.synonyms });
  const confidence = t('confidence', percent(top.probability));
  if (certainty === 'sure') return { certainty, short: capitalise(name), sentence: capitalise(name), alsoCalled: others, confidence };
  if (certainty === 'probably') {
    const short = t('wordsProbably', withArticle(name));
    const sentence = second && second.probability >= CALIBRATION.maybe
      ? t('wordsProbablyMaybe', [withArticle(name), withArticle(plainName(second))])
      : short;
    return { certainty, short, sentence, alsoCalled: others, confidence };
  }
  const guesses = answer.predictions.slice(0, 3).map(plainName);
  return { certainty, short: t('wordsNotSureShort', name), sentence: t('wordsNotSureGuesses', guesses.join(', ')), alsoCalled: others, confidence };
}

/** "Polar bear 97%" lines for the details: every guess with its percentage. */
export const guessPercent = (prediction: Prediction): string => `${percent(prediction.probability)}%`;

/** What the user waited, in words: "0.4 seconds", "3 seconds". */
export function waitedText(entry: Pick<HistoryEntry, 'waitedMs' | 'totalMs'>): string {
  const ms = entry.waitedMs ?? entry.totalMs;
  const seconds = ms < 10_000 ? (Math.round(ms / 100) / 10).toFixed(1) : String(Math.round(ms / 1000));
  return t('wordsWaited', seconds);
}
