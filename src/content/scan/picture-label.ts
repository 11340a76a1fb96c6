/**
 * The label a page scan puts on each picture: the compact label pinned to it (card.ts), laid out
 * with every other label of the page (card-layer.ts).
 */
import type { GlimpseError } from '../../shared/errors';
import type { HistoryEntry } from '../../shared/types';
import { ResultCard } from '../card';

export interface PictureLabel {
  showWorking(warming: boolean): void;
  showResult(entry: HistoryEntry): void;
  showError(error: GlimpseError, retry?: () => void): void;
  dismiss(): void;
}

export function labelPicture(element: Element): PictureLabel {
  const rect = element.getBoundingClientRect();
  return new ResultCard(element, { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 });
}
