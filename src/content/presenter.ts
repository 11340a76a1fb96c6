/** Presenter mode (big, high-contrast, one-line labels for a projector): the stored `presenterMode` item. */
import { presenterMode } from '../shared/store';

/** Calls `listener` with the current setting, then on every change; returns the unsubscribe. */
export function onPresenterMode(listener: (on: boolean) => void): () => void {
  try {
    presenterMode.getValue().then(listener, () => undefined);
    return presenterMode.watch((on) => listener(on));
  } catch {
    // An orphaned script (the extension was reloaded): no settings to follow.
    return () => undefined;
  }
}
