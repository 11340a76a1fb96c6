import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import type { Prediction } from '../../../src/shared/types';

type Messages = Record<string, { message: string; placeholders?: Record<string, { content: string }> }>;
const messages = JSON.parse(readFileSync('public/_locales/en/messages.json', 'utf8')) as Messages;

/** chrome.i18n.getMessage as Chrome does it, from the English messages. */
function getMessage(key: string, substitutions?: string | string[]): string {
  const entry = messages[key];
  if (!entry) return '';
  const values = substitutions === undefined ? [] : ([] as string[]).concat(substitutions);
  return entry.message.replace(/\$([A-Za-z0-9_]+)\$/g, (_, name: string) =>
    (entry.placeholders?.[name.toLowerCase()]?.content ?? '').replace(/\$(\d)/g, (__, n: string) => values[Number(n) - 1] ?? ''));
}

vi.mock('webextension-polyfill', () => ({ default: { i18n: { getMessage } } }));
const { CALIBRATION, certaintyOf, describeAnswer, waitedText, withArticle } = await import('../../../src/shared/answer-words');
const { labelForClass } = await import('../../../src/shared/labels');

const guess = (classIndex: number, probability: number): Prediction => ({ ...labelForClass(classIndex), classIndex, probability });

describe('answers in words a child reads right', () => {
  it('says a confident answer plainly, in everyday words', () => {
    const words = describeAnswer({ predictions: [guess(296, 0.97), guess(295, 0.01)], structure: 0.9 });
    expect(words).toEqual({ certainty: 'sure', short: 'Polar bear', sentence: 'Polar bear', alsoCalled: ['ice bear', 'Ursus Maritimus', 'Thalarctos maritimus'], confidence: '97% sure' });
  });

  it('hedges a middling answer: probably the first, maybe the second', () => {
    const words = describeAnswer({ predictions: [guess(291, 0.55), guess(292, 0.3)], structure: 0.9 });
    expect(words.certainty).toBe('probably');
    expect(words.short).toBe('Probably a lion');
    expect(words.sentence).toBe('Probably a lion, maybe a tiger');
  });

  it('says "not sure" below the low threshold, then the best guesses', () => {
    const words = describeAnswer({ predictions: [guess(419, 0.06), guess(549, 0.05), guess(885, 0.04)], structure: 0.96 });
    expect(words.certainty).toBe('unsure');
    expect(words.short).toBe('Not sure: Band-Aid?');
    expect(words.sentence).toBe('Not sure. Best guesses: Band-Aid, envelope, velvet');
  });

  it('says "not sure" about a picture without structure (noise), however sure the model is', () => {
    const noise = { predictions: [guess(885, 0.72)], structure: 0.14 };
    expect(certaintyOf(noise)).toBe('unsure');
    expect(describeAnswer(noise).short).toMatch(/^Not sure/);
    expect(certaintyOf({ predictions: [guess(885, 0.72)], structure: CALIBRATION.structure + 0.2 })).toBe('sure');
  });

  it('names what a picture that is not a photo looks like, never the model\'s guess about it', () => {
    const chart = describeAnswer({ predictions: [guess(549, 0.81), guess(916, 0.1)], structure: 0.9, notPhoto: 'chart' });
    expect(chart).toEqual({ certainty: 'unsure', short: 'Looks like a chart', sentence: 'Looks like a chart, not a photo of a thing: not sure what it shows', alsoCalled: [], confidence: '', notPhoto: 'chart' });
    expect(describeAnswer({ predictions: [guess(409, 0.6)], notPhoto: 'drawing' }).short).toBe('Looks like a drawing');
    expect(describeAnswer({ predictions: [guess(409, 0.6)], notPhoto: 'text' }).short).toBe('Looks like text');
    expect(describeAnswer({ predictions: [guess(409, 0.6)], notPhoto: 'screenshot' }).short).toBe('Looks like a screenshot');
    expect(describeAnswer({ predictions: [guess(409, 0.6)], notPhoto: 'map' }).short).toBe('Looks like a map');
    const unclear = describeAnswer({ predictions: [guess(409, 0.6)], notPhoto: 'graphic' });
    expect([unclear.short, unclear.sentence]).toEqual(['Not sure: not a photo', 'Not sure: not a photo of a thing, more like a chart, a drawing, text or a screen']);
    for (const words of [chart, unclear]) expect(`${words.short} ${words.sentence}`).not.toMatch(/envelope|clock/i);
  });

  it('says how sure beside the words, in one form for every view', () => {
    expect(describeAnswer({ predictions: [guess(922, 0.24)] }).confidence).toBe('24% sure');
    expect(describeAnswer({ predictions: [guess(922, 0.24)] }).short).toBe('Not sure: menu?');
    expect(describeAnswer({ predictions: [] }).confidence).toBe('');
  });

  it('uses the measured thresholds at their edges', () => {
    expect(certaintyOf({ predictions: [guess(1, CALIBRATION.sure)] })).toBe('sure');
    expect(certaintyOf({ predictions: [guess(1, CALIBRATION.sure - 0.001)] })).toBe('probably');
    expect(certaintyOf({ predictions: [guess(1, CALIBRATION.unsure)] })).toBe('probably');
    expect(certaintyOf({ predictions: [guess(1, CALIBRATION.unsure - 0.001)] })).toBe('unsure');
    expect(certaintyOf({ predictions: [] })).toBe('unsure');
  });

  it('puts the right article before a name', () => {
    expect(withArticle('lion')).toBe('a lion');
    expect(withArticle('orangutan')).toBe('an orangutan');
    expect(withArticle('sunglasses')).toBe('sunglasses');
    expect(withArticle('bus')).toBe('a bus');
    expect(withArticle('unicycle')).toBe('a unicycle');
    expect(withArticle('iPod')).toBe('an iPod');
  });

  it('says what the user waited, in seconds', () => {
    expect(waitedText({ waitedMs: 2480, totalMs: 80 })).toBe('Answered in 2.5 s');
    expect(waitedText({ waitedMs: 12_300, totalMs: 80 })).toBe('Answered in 12 s');
    expect(waitedText({ totalMs: 80 })).toBe('Answered in 0.1 s');
  });
});
