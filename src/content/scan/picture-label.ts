/**
 * The label a page scan puts on each picture: the compact label pinned to it (card.ts), laid out
 * with every other label of the page (card-layer.ts).
 */
import { toGlimpseError, type GlimpseError } from '../../shared/errors';
import type { HistoryEntry } from '../../shared/types';
import { identifyInBackground } from '../ask/ask-background';
import { ResultCard } from '../show/card';
import { targetOf } from '../find/image-target';
import { readImageSource } from '../read/read-source';

export interface PictureLabel {
  showWorking(warming: boolean): void;
  /** `identified`: the address of the picture the answer is about (the label stops naming it once the page swaps it). */
  showResult(entry: HistoryEntry, identified?: string): void;
  /** What the label's "Identify again" does once the page swapped its picture. */
  onIdentifyAgain(run: (picture: Element) => void): void;
  showError(error: GlimpseError, retry?: () => void): void;
  dismiss(): void;
}

/**
 * A label on each element. Their places are all read before the first label goes into the page:
 * read between insertions, each would lay the page out again.
 */
export function labelPictures(elements: Element[]): PictureLabel[] {
  const rects = elements.map((element) => element.getBoundingClientRect());
  return elements.map((element, i) => {
    const rect = rects[i]!;
    return new ResultCard(element, { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 }, { stillWhileWorking: true });
  });
}

/**
 * A retry from a label's button, or "Identify again" on a label whose picture the page swapped:
 * what `element` shows now, one picture on its own, outside the scan's count.
 */
export async function identifyAgain(element: Element, labels: PictureLabel[], scanId: string): Promise<void> {
  const retry = () => void identifyAgain(element, labels, scanId);
  for (const label of labels) label.showWorking(false);
  try {
    const target = targetOf(element);
    if (!target) throw new Error('the picture is gone');
    const imageUrl = target.kind === 'url' ? target.url : undefined;
    const outcome = await identifyInBackground(await readImageSource(target), { scanId, imageUrl });
    for (const label of labels) {
      if (outcome.ok) label.showResult(outcome.value, imageUrl);
      else label.showError(outcome.error, retry);
    }
  } catch (error) {
    for (const label of labels) label.showError(toGlimpseError(error), retry);
  }
}
