/**
 * The label a page scan puts on each picture. Until the compact in-page label lands (the card's
 * work), it is the answer card anchored on the picture.
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
