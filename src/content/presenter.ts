/** Presenter mode (big, high-contrast, one-line labels for a projector): the stored `presenterMode` item. */
const KEY = 'presenterMode';

/** Calls `listener` with the current setting, then on every change; returns the unsubscribe. */
export function onPresenterMode(listener: (on: boolean) => void): () => void {
  const handler = (changes: Record<string, chrome.storage.StorageChange>, area: string) => {
    if (area === 'local' && KEY in changes) listener(changes[KEY]?.newValue === true);
  };
  try {
    chrome.storage.local.get(KEY).then((stored) => listener(stored[KEY] === true), () => undefined);
    chrome.storage.onChanged.addListener(handler);
  } catch {
    // An orphaned script (the extension was reloaded): no settings to follow.
    return () => undefined;
  }
  return () => chrome.storage.onChanged.removeListener(handler);
}
