/**
 * Steady live answers: each class's probability is averaged over the last moments (an exponential
 * moving average in time, so the pace of frames does not change how steady it is), and the label
 * shown changes only when another class leads it by a margin (hysteresis). A still scene keeps its
 * label; a new scene takes over within a few tenths of a second (docs/CAMERA.md has the measured
 * trade-off). Pure: the caller gives the time of each answer.
 */
import type { Prediction } from './types';

export interface SmoothingSettings {
  /** How long a frame's answer takes to fade to 1/e of its weight, in ms (0: no averaging). */
  timeConstantMs: number;
  /** How far (in probability) a class must lead the one shown to replace it (0: the leader always shows). */
  margin: number;
}

/** Chosen from the measured trade-off (docs/CAMERA.md). */
export const DEFAULT_SMOOTHING: SmoothingSettings = { timeConstantMs: 300, margin: 0.1 };

/** Smoothed probabilities below this are forgotten (a class seen once long ago). */
const FORGET_BELOW = 0.002;

export interface FrameGuesses {
  predictions: readonly Prediction[];
  structure?: number;
}

export interface SmoothedAnswer {
  /** The class shown first, then the others by smoothed probability. */
  predictions: Prediction[];
  structure?: number;
  /** Whether the class shown changed with this answer (the first answer counts as a change). */
  changed: boolean;
}

export class AnswerSmoother {
  private readonly scores = new Map<number, Prediction>();
  private structure?: number;
  private shown?: number;
  private lastAt?: number;

  constructor(private readonly settings: SmoothingSettings = DEFAULT_SMOOTHING, private readonly keep = 5) {}

  /** Adds one frame's answer, made at `at` ms, and returns what to show now. */
  push(frame: FrameGuesses, at: number): SmoothedAnswer {
    const { timeConstantMs, margin } = this.settings;
    const elapsed = this.lastAt === undefined ? Infinity : Math.max(0, at - this.lastAt);
    this.lastAt = at;
    const weight = timeConstantMs <= 0 ? 1 : 1 - Math.exp(-elapsed / timeConstantMs);
    for (const [classIndex, kept] of this.scores) {
      kept.probability *= 1 - weight;
      if (kept.probability < FORGET_BELOW) this.scores.delete(classIndex);
    }
    for (const prediction of frame.predictions) {
      const kept = this.scores.get(prediction.classIndex);
      if (kept) kept.probability += weight * prediction.probability;
      else if (weight * prediction.probability >= FORGET_BELOW) this.scores.set(prediction.classIndex, { ...prediction, probability: weight * prediction.probability });
    }
    if (frame.structure !== undefined) {
      this.structure = this.structure === undefined ? frame.structure : this.structure + weight * (frame.structure - this.structure);
    }
    const ranked = [...this.scores.values()].sort((a, b) => b.probability - a.probability);
    const leader = ranked[0];
    const shownScore = this.shown === undefined ? undefined : this.scores.get(this.shown)?.probability;
    const before = this.shown;
    if (leader && (shownScore === undefined || leader.probability > shownScore + margin)) this.shown = leader.classIndex;
    const first = this.shown === undefined ? undefined : this.scores.get(this.shown);
    const predictions = (first ? [first, ...ranked.filter((p) => p !== first)] : ranked).slice(0, this.keep).map((p) => ({ ...p }));
    return { predictions, structure: this.structure, changed: this.shown !== before };
  }

  /** Forgets everything (a new camera, a new video, a jump in time). */
  reset(): void {
    this.scores.clear();
    this.structure = undefined;
    this.shown = undefined;
    this.lastAt = undefined;
  }
}
