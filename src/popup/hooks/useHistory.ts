import { useEffect, useState } from 'preact/hooks';
import { history, watchHistory } from '../../shared/store';
import type { HistoryEntry } from '../../shared/types';

export interface HistoryState {
  /** Newest first. */
  entries: HistoryEntry[];
  loaded: boolean;
}

/**
 * The history, newest first, read again whenever an entry is added or removed (here, by the
 * service worker, or in another popup). Reads never overlap: changes during a read trigger one
 * more read after it.
 */
export function useHistory(): HistoryState {
  const [state, setState] = useState<HistoryState>({ entries: [], loaded: false });

  useEffect(() => {
    let live = true;
    let reading = false;
    let again = false;
    const read = async (): Promise<void> => {
      if (reading) {
        again = true;
        return;
      }
      reading = true;
      try {
        do {
          again = false;
          const entries = await history.list().catch((error: unknown) => {
            console.warn('[glimpse] could not read history', error);
            return undefined;
          });
          if (live && entries) setState({ entries, loaded: true });
          else if (live) setState((previous) => ({ ...previous, loaded: true }));
        } while (again && live);
      } finally {
        reading = false;
      }
    };
    const unwatch = watchHistory(() => void read());
    void read();
    return () => {
      live = false;
      unwatch();
    };
  }, []);

  return state;
}
