import { useEffect, useRef, useState } from 'preact/hooks';
import browser from 'webextension-polyfill';
import { HistoryStore } from '../../shared/history-store';
import { STORAGE_KEYS } from '../../shared/storage-keys';
import type { LatestOutcome } from '../../shared/types';
import type { Shown } from '../latest';
import { history } from '../storage';

const KEY = STORAGE_KEYS.latest;

async function resolve(outcome: LatestOutcome | undefined): Promise<Shown | undefined> {
  if (!outcome) return undefined;
  if (outcome.kind !== 'answer') return outcome;
  // The service worker writes the entry before pointing "latest" at it.
  const entry = await history.get(outcome.entryId);
  return entry ? { kind: 'answer', at: outcome.at, entry } : undefined;
}

/**
 * The latest outcome the service worker stored, with its history entry already looked up (so
 * the view goes from "working" straight to the answer). An answer deleted from history is no
 * longer shown.
 */
export function useLatest(): { latest: Shown | undefined; loaded: boolean } {
  const [state, setState] = useState<{ latest: Shown | undefined; loaded: boolean }>({ latest: undefined, loaded: false });
  const current = useRef<Shown | undefined>(undefined);

  useEffect(() => {
    let live = true;
    let sequence = 0;
    const publish = async (outcome: LatestOutcome | undefined): Promise<void> => {
      const mine = ++sequence;
      const shown = await resolve(outcome).catch(() => undefined);
      if (!live || mine !== sequence) return;
      current.current = shown;
      setState({ latest: shown, loaded: true });
    };
    const onChanged = (changes: Record<string, browser.Storage.StorageChange>, areaName: string) => {
      if (areaName !== 'local') return;
      const change = changes[KEY];
      if (change) {
        void publish(change.newValue as LatestOutcome | undefined);
        return;
      }
      const shown = current.current;
      if (shown?.kind === 'answer') {
        const entryChange = changes[HistoryStore.keyFor(shown.entry)];
        if (entryChange && entryChange.newValue === undefined) {
          sequence++;
          current.current = undefined;
          setState({ latest: undefined, loaded: true });
        }
      }
    };
    browser.storage.onChanged.addListener(onChanged);
    browser.storage.local
      .get(KEY)
      .then((items) => (sequence === 0 ? publish(items[KEY] as LatestOutcome | undefined) : undefined))
      .catch(() => live && setState({ latest: undefined, loaded: true }));
    return () => {
      live = false;
      browser.storage.onChanged.removeListener(onChanged);
    };
  }, []);

  return state;
}
