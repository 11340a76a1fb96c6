import { useEffect, useState } from 'preact/hooks';
import type { StoredItem } from '../../shared/store';

export interface ItemState<T> {
  value: T;
  /** False until the first read has come back (render nothing rather than a wrong guess). */
  loaded: boolean;
}

/** One stored item, kept current through its watch. */
export function useItem<T>(item: StoredItem<T>): ItemState<T> {
  const [state, setState] = useState<ItemState<T>>({ value: item.fallback, loaded: false });

  useEffect(() => {
    let live = true;
    let changed = false;
    const unwatch = item.watch((next) => {
      changed = true;
      setState({ value: next, loaded: true });
    });
    item
      .getValue()
      .catch((error: unknown) => {
        console.warn(`[glimpse] could not read ${item.area}.${item.key}`, error);
        return item.fallback;
      })
      // A change that arrived while reading is newer than what the read returned.
      .then((value) => live && !changed && setState({ value, loaded: true }));
    return () => {
      live = false;
      unwatch();
    };
  }, [item]);

  return state;
}
