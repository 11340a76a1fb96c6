/**
 * Tests and measurements read what the camera view answered, frame by frame (the raw answer and
 * the label shown), from globalThis.glimpseCamera. Left out of store packages.
 */
import { describeAnswer } from '../shared/answer-words';
import type { LiveAnswer } from '../shared/live-loop';

export interface LoggedAnswer {
  at: number;
  /** The frame's own guesses (class index, probability). */
  raw: [number, number][];
  structure: number;
  shownClass?: number;
  shown: string;
  totalMs: number;
}

const MAX_LOGGED = 20_000;

export function recordLiveAnswer({ smoothed, frame, answersPerSecond }: LiveAnswer): void {
  if (!__GLIMPSE_TEST_HOOKS__) return;
  const log = ((globalThis as { glimpseCamera?: { log: LoggedAnswer[]; answersPerSecond: number } }).glimpseCamera ??= { log: [], answersPerSecond: 0 });
  if (log.log.length >= MAX_LOGGED) log.log.shift();
  log.log.push({
    at: performance.now(),
    raw: frame.predictions.map((p) => [p.classIndex, Math.round(p.probability * 10_000) / 10_000]),
    structure: frame.structure,
    shownClass: smoothed.predictions[0]?.classIndex,
    shown: describeAnswer(smoothed).short,
    totalMs: frame.totalMs,
  });
  log.answersPerSecond = answersPerSecond;
}
