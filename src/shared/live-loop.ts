/**
 * A live answer loop: read a frame, have the engine answer it, smooth, show; one frame in flight
 * at a time (frames that arrive meanwhile are skipped), so the page and the browser never wait
 * on a backlog. Shared by the camera view and "Identify live" on a page's video.
 */
import { toGlimpseError, type GlimpseError } from './errors';
import { AnswerSmoother, DEFAULT_SMOOTHING, type SmoothedAnswer, type SmoothingSettings } from './smoothing';
import type { FrameAnswer, Outcome, RawFrame } from './types';

export interface FrameSource {
  /** Resolves when a frame not read yet is there. */
  newFrame(): Promise<void>;
  /** The current frame (undefined: none yet). */
  read(): RawFrame | undefined | Promise<RawFrame | undefined>;
}

export interface LiveAnswer {
  smoothed: SmoothedAnswer;
  frame: FrameAnswer;
  /** Answers over the last couple of seconds, per second. */
  answersPerSecond: number;
}

export interface LiveLoopOptions {
  source: FrameSource;
  classify(frame: RawFrame): Promise<Outcome<FrameAnswer>>;
  onAnswer(answer: LiveAnswer): void;
  onError(error: GlimpseError): void;
  smoothing?: SmoothingSettings;
}

const RATE_WINDOW_MS = 2000;

export class LiveLoop {
  private readonly smoother: AnswerSmoother;
  private running = false;
  private paused = false;
  private readonly answeredAt: number[] = [];
  private loop?: Promise<void>;

  constructor(private readonly options: LiveLoopOptions) {
    this.smoother = new AnswerSmoother(options.smoothing ?? DEFAULT_SMOOTHING);
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Stops after the frame in flight (its answer is dropped). */
  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }

  /** Paused: no frames read, the last answer stays. Resuming starts the smoothing afresh. */
  setPaused(paused: boolean): void {
    if (this.paused && !paused) this.reset();
    this.paused = paused;
  }

  /** Forgets the smoothing (a new camera, a jump in the video). */
  reset(): void {
    this.smoother.reset();
    this.answeredAt.length = 0;
  }

  private async run(): Promise<void> {
    const { source, classify, onAnswer, onError } = this.options;
    while (this.running) {
      await source.newFrame();
      if (!this.running) break;
      if (this.paused) continue;
      try {
        const frame = await source.read();
        if (!frame) continue;
        const outcome = await classify(frame);
        if (!this.running || this.paused) continue;
        if (!outcome.ok) {
          onError(outcome.error);
          // A busy or restarting engine: give it a moment rather than a stream of frames.
          await new Promise((resolve) => setTimeout(resolve, 500));
          continue;
        }
        const now = performance.now();
        this.answeredAt.push(now);
        while (this.answeredAt.length && this.answeredAt[0]! < now - RATE_WINDOW_MS) this.answeredAt.shift();
        const span = Math.max(now - this.answeredAt[0]!, 1);
        const answersPerSecond = this.answeredAt.length > 1 ? ((this.answeredAt.length - 1) * 1000) / span : 0;
        onAnswer({ smoothed: this.smoother.push(outcome.value, now), frame: outcome.value, answersPerSecond });
      } catch (error) {
        onError(toGlimpseError(error));
        if (!this.running) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
    }
  }
}
