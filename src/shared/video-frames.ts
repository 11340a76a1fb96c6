/**
 * Reading a <video>'s current frame as the model's input: its centred square, scaled to
 * LIVE_FRAME_SIDE, as raw RGBA (the camera view, and "Identify live" where the page allows).
 */
import { LIVE_FRAME_SIDE } from './live';
import type { RawFrame } from './types';

export class VideoFrameReader {
  private readonly context: CanvasRenderingContext2D;
  private seen = 0;
  /** The frame count the last newFrame() resolved at: each call waits for a frame after it. */
  private consumed = 0;
  private waiting: (() => void)[] = [];
  private watching = false;

  constructor(private readonly video: HTMLVideoElement) {
    const canvas = document.createElement('canvas');
    canvas.width = LIVE_FRAME_SIDE;
    canvas.height = LIVE_FRAME_SIDE;
    const context = canvas.getContext('2d', { willReadFrequently: true, alpha: false });
    if (!context) throw new Error('no 2D canvas context');
    this.context = context;
  }

  /** The video's current frame (undefined while it has none); throws a SecurityError for a cross-origin video. */
  read(): RawFrame | undefined {
    const { video, context } = this;
    const { videoWidth: width, videoHeight: height } = video;
    if (!width || !height || video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA) return undefined;
    const side = Math.min(width, height);
    context.imageSmoothingQuality = 'medium';
    context.drawImage(video, (width - side) / 2, (height - side) / 2, side, side, 0, 0, LIVE_FRAME_SIDE, LIVE_FRAME_SIDE);
    const pixels = context.getImageData(0, 0, LIVE_FRAME_SIDE, LIVE_FRAME_SIDE).data.buffer as ArrayBuffer;
    return { pixels, width: LIVE_FRAME_SIDE, height: LIVE_FRAME_SIDE };
  }

  /** Resolves once the video has shown a frame since the last call (at once when one came meanwhile). */
  newFrame(): Promise<void> {
    this.watch();
    if (this.seen !== this.consumed) {
      this.consumed = this.seen;
      return Promise.resolve();
    }
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  /** Counts the frames the video presents (requestVideoFrameCallback; else one per animation frame). */
  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    const onFrame = () => {
      this.seen++;
      if (this.waiting.length) this.consumed = this.seen;
      const waiting = this.waiting;
      this.waiting = [];
      for (const resolve of waiting) resolve();
      schedule();
    };
    const schedule = () => {
      if (!this.watching) return;
      if ('requestVideoFrameCallback' in this.video) this.video.requestVideoFrameCallback(onFrame);
      else requestAnimationFrame(onFrame);
    };
    schedule();
  }

  /** Stops watching; pending waits resolve (their loop checks whether it still runs). */
  close(): void {
    this.watching = false;
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
