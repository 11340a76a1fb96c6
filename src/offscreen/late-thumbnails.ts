/**
 * History thumbnails, made after the answer has gone out: the answer waits for nothing it does
 * not need. Each is made in a task of its own right after the answer (or at once when asked for
 * first), kept until the service worker collects it, and forgotten beyond the last few. While
 * more pictures wait for the model (a page scan), thumbnails wait for them: a label on the page
 * matters more than a picture in history a moment sooner.
 */
import { nextTask } from './next-task';
import { thumbnailDataUrl } from './preprocess';

const KEPT = 32;
/** A thumbnail asked for waits no longer than this for the model to finish what waits. */
const MAX_WAIT_MS = 3_000;

export class LateThumbnails {
  private readonly pending = new Map<string, { bitmap?: ImageBitmap; dataUrl?: string }>();
  private readonly channel = new MessageChannel();
  private readonly queue: string[] = [];
  private idle: { promise: Promise<void>; resolve(): void } | undefined;

  /** `modelBusy`: whether pictures wait for the model now (then `resume()` is called once none does). */
  constructor(private readonly modelBusy: () => boolean) {
    // A message to itself: a task that runs as soon as the answer has been posted (timers in a
    // hidden document may wait up to a second).
    this.channel.port1.onmessage = () => {
      if (this.modelBusy()) return;
      const jobId = this.queue.shift();
      if (jobId !== undefined) this.make(jobId);
    };
  }

  /** Takes ownership of `bitmap`: its thumbnail is made soon, then the bitmap is closed. */
  keep(jobId: string, bitmap: ImageBitmap): void {
    this.pending.set(jobId, { bitmap });
    this.queue.push(jobId);
    this.channel.port2.postMessage(null);
    for (const oldest of [...this.pending.keys()].slice(0, Math.max(0, this.pending.size - KEPT))) {
      this.pending.get(oldest)?.bitmap?.close();
      this.pending.delete(oldest);
    }
  }

  /**
   * No picture waits for the model any more: the thumbnails held back are made, each in a task of
   * its own, after this one. (Made at once, those asked for meanwhile came before the answer of the
   * turn that ended the wait: a scan's last label waited 25-60 ms for a dozen thumbnails.)
   */
  resume(): void {
    for (let i = 0; i < this.queue.length; i++) this.channel.port2.postMessage(null);
    const idle = this.idle;
    this.idle = undefined;
    if (idle) void nextTask().then(idle.resolve);
  }

  /** The thumbnail of a job ('' when it is unknown or was forgotten); each is handed out once. */
  async take(jobId: string): Promise<string> {
    if (this.pending.get(jobId)?.bitmap && this.modelBusy()) {
      await this.whenIdle();
      // Each in a task of its own: a dozen at once would hold up whatever comes next.
      await nextTask();
    }
    const dataUrl = this.make(jobId);
    this.pending.delete(jobId);
    return dataUrl;
  }

  /** Drops `jobId`'s thumbnail, made or not (its answer was never collected). */
  forget(jobId: string): void {
    this.pending.get(jobId)?.bitmap?.close();
    this.pending.delete(jobId);
  }

  get size(): number {
    return this.pending.size;
  }

  private whenIdle(): Promise<void> {
    if (!this.idle) {
      let resolve!: () => void;
      const promise = new Promise<void>((done) => (resolve = done));
      this.idle = { promise, resolve };
    }
    return Promise.race([this.idle.promise, new Promise<void>((resolve) => setTimeout(resolve, MAX_WAIT_MS))]);
  }

  private make(jobId: string): string {
    const entry = this.pending.get(jobId);
    if (!entry) return '';
    if (entry.bitmap) {
      try {
        entry.dataUrl = thumbnailDataUrl(entry.bitmap);
      } catch (error) {
        console.warn('[glimpse] no thumbnail', error);
        entry.dataUrl = '';
      } finally {
        entry.bitmap.close();
        entry.bitmap = undefined;
      }
    }
    return entry.dataUrl ?? '';
  }
}
