import { useEffect, useRef, useState } from 'preact/hooks';
import { history, latest, watchHistory } from '../../shared/store';
import type { LatestOutcome } from '../../shared/types';
import type { Shown } from '../latest';

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
    const unwatchLatest = latest.watch((next) => void publish(next));
    const unwatchHistory = watchHistory(({ removedIds }) => {
      const shown = current.current;
      if (shown?.kind === 'answer' && removedIds.includes(shown.entry.id)) {
        sequence++;
        current.current = undefined;
        setState({ latest: undefined, loaded: true });
      } else if (shown?.kind === 'answer' && !shown.entry.thumbnail) {
        // An answer from a page is stored first and gets its thumbnail a moment later.
        void latest.getValue().then(publish);
      }
    });
    latest
      .getValue()
      .then((outcome) => (sequence === 0 ? publish(outcome) : undefined))
      .catch(() => live && setState({ latest: undefined, loaded: true }));
    return () => {
      live = false;
      unwatchLatest();
      unwatchHistory();
    };
  }, []);

  return state;
}
