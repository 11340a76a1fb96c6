/**
 * What a page scan knows is on the page: the pictures found by its walk and those that came
 * after (late-pictures.ts), and the lazy images not loaded yet, which count as pictures to come.
 */
import { isPendingLazyImage, PictureIndex, walkElements, type Picture } from './find-pictures';
import { LatePictures } from './late-pictures';

export class ScanInventory {
  readonly index = new PictureIndex();
  /** Lazy images not loaded yet: most likely pictures the person will scroll to. */
  private readonly pending = new Set<Element>();
  private readonly late = new LatePictures((element, subtree) => this.onLateElement(element, subtree));
  private readonly lateElements = new Set<{ element: Element; subtree: boolean }>();
  private lateWalk?: Promise<void>;
  private walking = true;
  /** Distinct pictures found. */
  known = 0;

  /** `onElement`: an element showing a picture was added (`isNew`: the first to show it). */
  constructor(
    private readonly signal: AbortSignal,
    private readonly onElement: (picture: Picture, element: Element, isNew: boolean) => void,
    private readonly onSettled: () => void,
  ) {}

  /** Walks the page, then keeps watching it until `stop()`; answers how many slices the walk took. */
  async start(): Promise<number> {
    this.late.start();
    const slices = await walkElements([document], this.signal, (element) => this.consider(element));
    this.walking = false;
    return slices;
  }

  stop(): void {
    this.late.stop();
  }

  /** Whether the walk, or a look at late elements, is still going on. */
  get busy(): boolean {
    return this.walking || this.lateWalk !== undefined;
  }

  /** Pictures known plus lazy images still to load. */
  get total(): number {
    for (const element of this.pending) if (!element.isConnected || (element as HTMLImageElement).complete) this.pending.delete(element);
    return this.known + this.pending.size;
  }

  private consider(element: Element): void {
    const added = this.index.add(element);
    if (!added) {
      if (isPendingLazyImage(element)) this.pending.add(element);
      return;
    }
    this.pending.delete(element);
    if (added.isNew) this.known++;
    this.onElement(added.picture, element, added.isNew);
  }

  /** An element that changed or came: looked at in the next walk slice (many arrive together). */
  private onLateElement(element: Element, subtree: boolean): void {
    if ((!subtree && this.index.pictureOf(element)) || this.signal.aborted) return;
    this.lateElements.add({ element, subtree });
    this.lateWalk ??= this.walkLate().finally(() => {
      this.lateWalk = undefined;
      this.onSettled();
    });
  }

  private async walkLate(): Promise<void> {
    while (this.lateElements.size > 0) {
      const batch = [...this.lateElements];
      this.lateElements.clear();
      for (const { element } of batch) this.pending.delete(element);
      for (const { element, subtree } of batch) if (!subtree && element.isConnected) this.consider(element);
      const roots = batch.filter(({ element, subtree }) => subtree && element.isConnected).map(({ element }) => element);
      await walkElements(roots, this.signal, (element) => this.consider(element));
    }
  }
}
