/**
 * "Identify all images on this page": finds the pictures, identifies the ones on screen first and
 * the others as they scroll into view, labels each as its answer arrives, and shows the progress
 * with a Stop button. A few identifications are in flight at once (the engine batches what waits),
 * so the count moves smoothly and Stop leaves little running.
 */
import { toGlimpseError } from '../../shared/errors';
import { identifyInBackground } from '../ask-background';
import { isEngineWarming } from '../engine-state';
import { targetOf, type ImageTarget } from '../image-target';
import { readImageSource } from '../read-source';
import { findPictures, type Picture } from './find-pictures';
import { labelPicture, type PictureLabel } from './picture-label';
import { ProgressPill, type ScanState } from './progress-pill';

/** Identifications in flight at once. */
const CONCURRENCY = 3;
/** How long the finished pill stays before it goes by itself: time to read "24 of 24", not to keep covering the page. */
const FINISHED_PILL_MS = 3_000;

let current: PageScan | undefined;

const urlOf = (target: ImageTarget): string | undefined => (target.kind === 'url' ? target.url : undefined);

export class PageScan {
  readonly id = crypto.randomUUID();
  private readonly abort = new AbortController();
  private readonly pill = new ProgressPill(() => this.stop(), () => this.close());
  private readonly pictures = new Map<Element, Picture>();
  private readonly queued = new Set<Picture>();
  private readonly waiting: Picture[] = [];
  /** Observed elements the observer has not reported on yet: until it has, nobody knows whether they are on screen. */
  private readonly unreported = new Set<Element>();
  private readonly observer = new IntersectionObserver((entries) => this.onIntersect(entries));
  private total = 0;
  private done = 0;
  private inFlight = 0;
  private walking = true;
  private state: ScanState = 'finding';
  private closeTimer?: ReturnType<typeof setTimeout>;

  async start(): Promise<void> {
    this.render();
    const slices = await findPictures(this.abort.signal, (picture, isNew) => {
      if (isNew) this.total++;
      const element = picture.elements.at(-1)!;
      this.pictures.set(element, picture);
      this.unreported.add(element);
      this.observer.observe(element);
    });
    this.walking = false;
    // Tests read how the walk was cut up (dist only).
    if (__GLIMPSE_TEST_HOOKS__) this.pill.host.setAttribute('data-walk-slices', String(slices));
    this.render();
  }

  /** Pictures enter the queue once, when one of their elements is on screen: on-screen ones first. */
  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      this.unreported.delete(entry.target);
      if (!entry.isIntersecting) continue;
      const picture = this.pictures.get(entry.target);
      if (!picture || this.queued.has(picture)) continue;
      this.queued.add(picture);
      this.waiting.push(picture);
      for (const element of picture.elements) this.observer.unobserve(element);
    }
    this.pump();
  }

  private pump(): void {
    while (!this.abort.signal.aborted && this.inFlight < CONCURRENCY && this.waiting.length > 0) {
      const picture = this.waiting.shift()!;
      this.inFlight++;
      void this.identify(picture).finally(() => {
        this.inFlight--;
        this.done++;
        this.render();
        this.pump();
      });
    }
    this.render();
  }

  private async identify(picture: Picture): Promise<void> {
    const labels = picture.elements.filter((element) => element.isConnected).map(labelPicture);
    for (const label of labels) label.onIdentifyAgain((shown) => void this.identifyAgain(shown, [label]));
    const warming = await isEngineWarming();
    for (const label of labels) label.showWorking(warming);
    await this.identifyInto(picture.elements[0]!, labels, () => void this.identifyAgain(picture.elements[0]!, labels));
  }

  /**
   * A retry from a label's button, or "Identify again" on a label whose picture the page
   * swapped: what `element` shows now, outside the scan's count.
   */
  private async identifyAgain(element: Element, labels: PictureLabel[]): Promise<void> {
    for (const label of labels) label.showWorking(false);
    await this.identifyInto(element, labels);
  }

  /** Identifies what `element` shows, into `labels`; `retry` is offered when it fails. */
  private async identifyInto(element: Element, labels: PictureLabel[], retry?: () => void): Promise<void> {
    try {
      const target = targetOf(element);
      if (!target) throw new Error('the picture is gone');
      const outcome = await identifyInBackground(await readImageSource(target), { scanId: this.id, imageUrl: urlOf(target) });
      for (const label of labels) {
        if (outcome.ok) label.showResult(outcome.value, urlOf(target));
        else label.showError(outcome.error, retry);
      }
    } catch (error) {
      for (const label of labels) label.showError(toGlimpseError(error), retry);
    }
  }

  private render(): void {
    if (this.state === 'stopped') this.pill.update({ state: this.state, done: this.done, total: this.total });
    if (this.state === 'stopped' || this.state === 'done') return;
    const idle = !this.walking && this.unreported.size === 0 && this.inFlight === 0 && this.waiting.length === 0;
    if (idle && this.done === this.total) this.finish('done');
    else if (idle) this.state = 'waiting';
    else if (this.done === 0 && this.inFlight === 0) this.state = 'finding';
    else this.state = 'working';
    this.pill.update({ state: this.state, done: this.done, total: this.total });
  }

  private finish(state: 'done' | 'stopped'): void {
    this.state = state;
    this.observer.disconnect();
    this.pill.update({ state, done: this.done, total: this.total });
    this.closeTimer = setTimeout(() => this.close(), FINISHED_PILL_MS);
  }

  /** Stop: nothing new is sent; answers already on their way still land on their pictures. */
  stop(): void {
    if (this.state === 'done' || this.state === 'stopped') return;
    this.abort.abort();
    this.waiting.length = 0;
    this.finish('stopped');
  }

  close(): void {
    this.stop();
    clearTimeout(this.closeTimer);
    this.pill.remove();
    if (current === this) current = undefined;
  }

  get isRunning(): boolean {
    return this.state !== 'done' && this.state !== 'stopped';
  }
}

/** Starts a scan of this page, unless one is already running (a second press changes nothing). */
export function scanPage(): void {
  if (current?.isRunning) return;
  current?.close();
  current = new PageScan();
  void current.start();
}

/** Stops the running scan and takes its pill away (clear all). */
export function closeScan(): void {
  current?.close();
}
