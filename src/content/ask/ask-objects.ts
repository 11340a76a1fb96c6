/** The follow-up to an answer: the things found in its picture, shown in its card when they come. */
import { send } from '../../shared/messaging';
import type { ResultCard } from '../show/card';

export async function showObjectsWhenFound(card: ResultCard, entryId: string): Promise<void> {
  try {
    const outcome = await send('background', 'find-objects', { entryId });
    if (outcome?.ok && card.isOpen) card.showObjects(outcome.value);
  } catch (error) {
    // The answer stands on its own: a worker gone away, or detection failed.
    console.debug('[glimpse] no objects for this picture', error);
  }
}
