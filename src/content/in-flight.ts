/**
 * One identification per picture at a time in a frame: asking again for a picture whose answer
 * is on its way (a burst of clicks on "Identify image") waits for that answer instead of
 * downloading and classifying the same picture again.
 */
const inFlight = new Map<string, Promise<unknown>>();

export function shared<T>(key: string, run: () => Promise<T>): Promise<T> {
  const running = inFlight.get(key) as Promise<T> | undefined;
  if (running) return running;
  const started = run().finally(() => inFlight.delete(key));
  inFlight.set(key, started);
  return started;
}
