/**
 * The label a page scan puts on each picture: the compact label pinned to it (card.ts), laid out
 * with every other label of the page (card-layer.ts).
 */
import type { GlimpseError } from '../../shared/errors';
import type { HistoryEntry } from '../../shared/types';
import { ResultCard } from '../card';

export interface PictureLabel {
  showWorking(warming: boolean): void;
  /** `identified`: the address of the picture the answer is about (the label stops naming it once the page swaps it). */
  showResult(entry: HistoryEntry, identified?: string): void;
  /** What the label's "Identify again" does once the page swapped its picture. */
  onIdentifyAgain(run: (picture: Element) => void): void;
  showError(error: GlimpseError, retry?: () => void): void;
  dismiss(): void;
}

export function labelPicture(element: Element): PictureLabel {
  const rect = element.getBoundingClientRect();
  return new ResultCard(element, { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
}
