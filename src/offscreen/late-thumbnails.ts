/**
 * History thumbnails, made after the answer has gone out: the answer waits for nothing it does
 * not need. Each is made in a task of its own right after the answer (or at once when asked for
 * first), kept until the service worker collects it, and forgotten beyond the last few.
 */
import { thumbnailDataUrl } from './preprocess';

const KEPT = 32;

export class LateThumbnails {
  private readonly pending = new Map<string, { bitmap?: ImageBitmap; dataUrl?: string }>();
  private readonly channel = new MessageChannel();
  private readonly queue: string[] = [];

  constructor() {
    // A message to itself: a task that runs as soon as the answer has been posted (timers in a
    // hidden document may wait up to a second).
    this.channel.port1.onmessage = () => {
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

  /** The thumbnail of a job ('' when it is unknown or was forgotten); each is handed out once. */
  take(jobId: string): string {
    const dataUrl = this.make(jobId);
    this.pending.delete(jobId);
    return dataUrl;
  }

  get size(): number {
    return this.pending.size;
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
