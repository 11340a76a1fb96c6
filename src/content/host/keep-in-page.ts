/**
 * Puts a card back when page code removes it (a framework re-rendering the document, a script
 * that deletes what it did not add itself). Spaced out and bounded, so a page that removes it
 * every time cannot drag Glimpse into an endless loop: past that, the answer stays in the popup.
 */
const MAX_RETURNS = 20;
const FIRST_DELAY_MS = 30;
const MAX_DELAY_MS = 1000;

/** Keeps `host` in `parent` until the returned function is called (the card closed). */
export function keepInPage(host: HTMLElement, parent: Node, putBack: () => void): () => void {
  let returns = 0;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const observer = new MutationObserver(() => {
    if (host.isConnected || timer !== undefined) return;
    if (returns >= MAX_RETURNS) return observer.disconnect();
    const delay = Math.min(MAX_DELAY_MS, FIRST_DELAY_MS * 2 ** returns);
    timer = setTimeout(() => {
      timer = undefined;
      if (host.isConnected || !parent.isConnected) return;
      returns += 1;
      parent.appendChild(host);
      putBack();
    }, delay);
  });
  observer.observe(parent, { childList: true });
  return () => {
    observer.disconnect();
    if (timer !== undefined) clearTimeout(timer);
  };
}
