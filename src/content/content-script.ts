/** In every frame: remembers what was right-clicked, identifies it on request, shows the card. */
import { GlimpseFailure, isDisconnect, toGlimpseError, type GlimpseError } from '../shared/errors';
import { LIMITS } from '../shared/limits';
import { listen, send } from '../shared/messaging';
import type { HistoryEntry, ImageOrigin, ImageSource, Outcome } from '../shared/types';
import { dismissNewestCard, ResultCard } from './card';
import { isEngineWarming, onEngineStatus } from './engine-state';
import { shared } from './in-flight';
import { chooseTarget } from './chosen-target';
import type { ImageTarget } from './find-image';
import { onRetire, stillAlive, takeOver, watchWhile } from './orphan';
import { readImageSource } from './read-source';
import { lastRightClick, watchRightClicks } from './right-click';

takeOver();

const stopWatchingRightClicks = watchRightClicks(() => {
  // A right-click on a picture is usually followed by "Identify image": start the model now.
  // Sent on every such right-click: the worker also learns which frame was clicked.
  send('background', 'warm', {}).catch(() => undefined);
});
onRetire(stopWatchingRightClicks);

const onKeyDown = (event: KeyboardEvent) => {
  if (event.key === 'Escape' && event.isTrusted && stillAlive()) dismissNewestCard();
};
addEventListener('keydown', onKeyDown, { capture: true });
onRetire(() => removeEventListener('keydown', onKeyDown, { capture: true }));
onRetire(() => {
  while (dismissNewestCard());
});

const origin = (): ImageOrigin => ({ pageUrl: location.href, pageTitle: document.title });

/**
 * The worker answers within its own limits (a download, then the engine, tried twice); past
 * that, the answer was lost with a stopped worker and the card must not spin for ever.
 */
const ANSWER_DEADLINE_MS = LIMITS.fetchTimeoutMs + 2 * LIMITS.engineTimeoutMs + 15_000;

function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GlimpseFailure({ code: 'interrupted', detail: `no answer in ${ms} ms` })), ms);
  });
  return Promise.race([promise, deadline]).finally(() => clearTimeout(timer));
}

/** Asks the service worker; if it was stopped mid-way, asks once more (it restarts on demand). */
async function identifyInBackground(source: ImageSource): Promise<Outcome<HistoryEntry>> {
  for (let attempt = 1; ; attempt++) {
    try {
      const outcome = await withDeadline(send('background', 'identify', { source, origin: origin() }), ANSWER_DEADLINE_MS);
      if (outcome) return outcome;
      throw new Error('message port closed without an answer');
    } catch (error) {
      if (attempt >= 2 || !isDisconnect(error)) return { ok: false, error: { code: 'interrupted', detail: String(error) } };
    }
  }
}

function fail(card: ResultCard, error: GlimpseError, retry?: () => void): void {
  card.showError(error, retry);
  send('background', 'report-error', { error, origin: origin() }).catch(() => undefined);
}

async function identifyTarget(card: ResultCard, target: ImageTarget): Promise<void> {
  const retry = () => void identifyTarget(card, target);
  card.showWorking(await isEngineWarming());
  const stopWatching = onEngineStatus((status) => {
    if (card.host.getAttribute('data-state') === 'working') card.showWorking(status.state !== 'ready');
  });
  try {
    const source = await readImageSource(target);
    const outcome = await (source.kind === 'url' ? shared(source.url, () => identifyInBackground(source)) : identifyInBackground(source));
    if (outcome.ok) card.showResult(outcome.value);
    else card.showError(outcome.error, retry);
  } catch (error) {
    fail(card, toGlimpseError(error), retry);
  } finally {
    stopWatching();
  }
}

listen('content', {
  'identify-target'({ srcUrl, mediaType }) {
    if (!stillAlive()) return { accepted: false };
    const choice = chooseTarget(lastRightClick(), mediaType === 'image' ? srcUrl : undefined);
    const card = new ResultCard(choice.anchor ?? choice.target?.element, choice.point);
    watchWhile(() => card.isOpen);
    // A picture the page removed since the right-click (and that has no address to download) is gone.
    if (!choice.target) fail(card, { code: choice.changed ? 'unreadable' : 'no-image-found', detail: choice.changed ? 'the page removed the picture' : undefined });
    else void identifyTarget(card, choice.target);
    return { accepted: true };
  },
  ping: () => ({ ready: true as const }),
});
