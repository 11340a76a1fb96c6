/**
 * "Identify all images on this page": finds the pictures, identifies every one in view at once
 * (one screenful = one capture, the engine fed in batches: screenful.ts) and the others as they
 * scroll into view, labels each as its answer arrives, and shows the progress with a Stop
 * button. Pictures that come later (lazy images loading, infinite scroll) join the count as they
 * appear; lazy images not loaded yet are counted as pictures still to come.
 */
import type { HistoryEntry, Outcome } from '../../shared/types';
import { isEngineWarming } from '../ask/engine-state';
import type { Picture } from './find-pictures';
import { ScanInventory } from './inventory';
import { loaded } from './late-pictures';
import { identifyAgain, labelPictures, type PictureLabel } from './picture-label';
import { ProgressPill, type ScanState } from './progress-pill';
import { sendShot, type ShotItem } from './screenful';

/**
 * The pill shows once the first screenful is captured (drawn before, over a picture, it would
 * have to be veiled and that painted first), or after this long (a long page's walk, nothing
 * to capture).
 */
const PILL_DELAY_MS = 300;
/** How long the finished pill stays before it goes by itself: time to read "24 of 24", not to keep covering the page (new pictures meanwhile reopen the scan). */
const FINISHED_PILL_MS = 3_000;
/** A picture read from a screen that scrolled under it is read again, at most this many times. */
const MAX_REREADS = 3;
/** How long a picture in view may take to finish loading before it is read as it is. */
const LOAD_WAIT_MS = 10_000;

let current: PageScan | undefined;

export class PageScan {
  readonly id = crypto.randomUUID();
  private readonly abort = new AbortController();
  private pill?: ProgressPill;
  private pillDue = false;
  private readonly pillTimer = setTimeout(() => this.showPill(), PILL_DELAY_MS);
  /** Figures for tests, kept until the pill is there to carry them (test builds only). */
  private readonly notes = new Map<string, string>();
  private readonly inventory = new ScanInventory(this.abort.signal, (picture, element) => this.onPictureElement(picture, element), () => this.render());
  private readonly queued = new Set<Picture>();
  private readonly waiting: Picture[] = [];
  private readonly labels = new Map<Picture, PictureLabel[]>();
  private readonly rereads = new Map<Picture, number>();
  private readonly answered = new Set<Picture>();
  /** Observed elements the observer has not reported on yet: until it has, nobody knows whether they are on screen. */
  private readonly unreported = new Set<Element>();
  private readonly observer = new IntersectionObserver((entries) => this.onIntersect(entries));
  private lastScrollAt = -Infinity;
  private readonly onScroll = () => (this.lastScrollAt = Date.now());
  private done = 0;
  private inFlight = 0;
  /** Pictures in view whose image is still loading (a native lazy image just reached): read once loaded. */
  private loading = 0;
  /** A screenful whose capture is not known to be taken yet: the next one waits for it. */
  private shotOpen = false;
  private state: ScanState = 'finding';
  private closeTimer?: ReturnType<typeof setTimeout>;

  async start(): Promise<void> {
    this.render();
    addEventListener('scroll', this.onScroll, { capture: true, passive: true });
    const slices = await this.inventory.start();
    // Tests read how the walk was cut up (dist only).
    this.noteForTests('walk-slices', String(slices));
    this.render();
  }

  /** An element showing a picture: watched until it is in view (unless its picture is already on its way). */
  private onPictureElement(picture: Picture, element: Element): void {
    if (this.queued.has(picture)) return;
    this.unreported.add(element);
    this.observer.observe(element);
    // The observer reports at the next frame, which a still page may not draw for a while: ask for one.
    requestAnimationFrame(() => undefined);
    if (this.state === 'done') this.reopen();
  }

  private reopen(): void {
    clearTimeout(this.closeTimer);
    this.state = 'working';
  }

  /** Pictures enter the queue once, when one of their elements is on screen. */
  private onIntersect(entries: IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      this.unreported.delete(entry.target);
      if (!entry.isIntersecting) continue;
      const picture = this.inventory.index.pictureOf(entry.target);
      if (!picture || this.queued.has(picture)) continue;
      this.queued.add(picture);
      this.waiting.push(picture);
      for (const element of picture.elements) this.observer.unobserve(element);
    }
    this.pump();
  }

  /** Sends everything in view as one screenful, unless the last one's capture is still to come. */
  private pump(): void {
    if (this.abort.signal.aborted || this.shotOpen || this.waiting.length === 0) return this.render();
    const items: ShotItem[] = [];
    for (const picture of this.waiting.splice(0)) {
      const element = picture.elements.find((candidate) => candidate.isConnected);
      if (!element) this.done++;
      else if (element.localName === 'img' && !(element as HTMLImageElement).complete) this.readOnceLoaded(picture, element as HTMLImageElement);
      else items.push({ picture, element });
    }
    if (items.length === 0) return this.render();
    this.shotOpen = true;
    this.inFlight += items.length;
    const context = { scanId: this.id, lastScrollAt: () => this.lastScrollAt, isSpriteSheet: (url: string) => this.inventory.index.isSpriteSheet(url) };
    void sendShot(items, context, {
      onCaptured: () => {
        // Labels come once the pictures are read: drawn before, they would have to be veiled for the capture, and that painted first.
        void this.showWorking(items.map(({ picture }) => picture));
        this.showPill();
        this.shotOpen = false;
        this.pump();
      },
      onAnswer: (item, outcome, imageUrl, moved) => this.onAnswer(item, outcome, imageUrl, moved),
    }).finally(() => {
      if (!this.shotOpen) return;
      this.shotOpen = false;
      this.pump();
    });
    this.render();
  }

  private readOnceLoaded(picture: Picture, img: HTMLImageElement): void {
    this.loading++;
    void loaded(img, LOAD_WAIT_MS).then(() => {
      this.loading--;
      this.waiting.push(picture);
      this.pump();
    });
  }

  private async showWorking(pictures: Picture[]): Promise<void> {
    const warming = await isEngineWarming();
    const unlabelled = pictures.filter((picture) => !this.labels.has(picture));
    const elements = unlabelled.map((picture) => picture.elements.filter((element) => element.isConnected));
    const labels = labelPictures(elements.flat());
    for (const [i, picture] of unlabelled.entries()) {
      const own = labels.splice(0, elements[i]!.length);
      for (const label of own) label.onIdentifyAgain((shown) => void identifyAgain(shown, [label], this.id));
      this.labels.set(picture, own);
    }
    for (const picture of pictures) {
      // An answer may have landed while the engine's state was read.
      if (this.queued.has(picture) && !this.answered.has(picture)) for (const label of this.labels.get(picture)!) label.showWorking(warming);
    }
  }

  private onAnswer({ picture, element }: ShotItem, outcome: Outcome<HistoryEntry>, imageUrl: string | undefined, moved: boolean): void {
    this.inFlight--;
    const rereads = this.rereads.get(picture) ?? 0;
    if (moved && rereads < MAX_REREADS && !this.abort.signal.aborted) {
      // The capture may show another part of the page than was measured: read it again where it is now.
      this.rereads.set(picture, rereads + 1);
      this.queued.delete(picture);
      this.unreported.add(element);
      this.observer.observe(element);
      return this.render();
    }
    this.done++;
    this.answered.add(picture);
    if (this.state === 'stopped') this.closeLater();
    const labels = this.labels.get(picture) ?? labelPictures(picture.elements.filter((candidate) => candidate.isConnected));
    this.labels.set(picture, labels);
    for (const label of labels) {
      if (outcome.ok) label.showResult(outcome.value, imageUrl);
      else label.showError(outcome.error, () => void identifyAgain(element, labels, this.id));
    }
    this.render();
  }

  private render(): void {
    const total = this.inventory.total;
    if (this.state === 'stopped' || this.state === 'done') return this.updatePill();
    const idle = !this.inventory.busy && this.unreported.size === 0 && this.inFlight === 0 && this.loading === 0 && this.waiting.length === 0;
    if (idle && this.done >= total) return this.finish('done');
    if (idle) this.state = 'waiting';
    else if (this.done === 0 && this.inFlight === 0) this.state = 'finding';
    else this.state = 'working';
    this.updatePill();
  }

  private noteForTests(name: string, value: string): void {
    this.notes.set(name, value);
    this.pill?.noteForTests(name, value);
  }

  private showPill(): void {
    clearTimeout(this.pillTimer);
    this.pillDue = true;
    this.updatePill();
  }

  private updatePill(): void {
    // Once there is something to say beyond "looking": waiting for a scroll, an answer, the end.
    if (!this.pillDue && (this.state === 'finding' || this.state === 'working') && this.done === 0) return;
    clearTimeout(this.pillTimer);
    if (!this.pill) {
      this.pill = new ProgressPill(() => this.stop(), () => this.close());
      for (const [name, value] of this.notes) this.pill.noteForTests(name, value);
    }
    this.pill.update({ state: this.state, done: this.done, total: this.inventory.total });
  }

  private finish(state: 'done' | 'stopped'): void {
    this.state = state;
    this.updatePill();
    this.closeLater();
  }

  /** The finished pill goes by itself a while after the last answer on its way has landed. */
  private closeLater(): void {
    clearTimeout(this.closeTimer);
    if (this.inFlight === 0) this.closeTimer = setTimeout(() => this.close(), FINISHED_PILL_MS);
  }

  /** Stop: nothing new is sent; answers already on their way still land on their pictures. */
  stop(): void {
    if (this.state === 'stopped') return;
    this.abort.abort();
    this.waiting.length = 0;
    this.observer.disconnect();
    this.inventory.stop();
    removeEventListener('scroll', this.onScroll, { capture: true });
    if (this.state !== 'done') this.finish('stopped');
  }

  close(): void {
    this.stop();
    clearTimeout(this.closeTimer);
    clearTimeout(this.pillTimer);
    this.pill?.remove();
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
