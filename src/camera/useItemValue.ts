import { useEffect, useState } from 'preact/hooks';
import type { StoredItem } from '../shared/store';

/** A stored item's value, kept up to date (its fallback until read). */
export function useItemValue<T>(item: StoredItem<T>): T {
  const [value, setValue] = useState<T>(item.fallback);
  useEffect(() => {
    void item.getValue().then(setValue);
    return item.watch((next) => setValue(next));
  }, [item]);
  return value;
}
