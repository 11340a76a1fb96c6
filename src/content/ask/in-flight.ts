/**
 * One identification per picture at a time in a frame: asking again for a picture whose answer
 * is on its way (a burst of clicks on "Identify image") waits for that answer instead of
 * reading, downloading and classifying the same picture again.
 */
const inFlight = new Map<unknown, Promise<unknown>>();

/** Runs `run` unless a run for `key` (an element, an address) is on its way: then waits for that one. */
export function shared<T>(key: unknown, run: () => Promise<T>): Promise<T> {
  const running = inFlight.get(key) as Promise<T> | undefined;
  if (running) return running;
  const started = run().finally(() => inFlight.delete(key));
  inFlight.set(key, started);
  return started;
}
