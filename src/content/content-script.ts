/** In every frame: remembers what was right-clicked, identifies it on request, shows the card. */
import { GlimpseFailure, toGlimpseError, type GlimpseError } from '../shared/errors';
import { LIMITS } from '../shared/limits';
import { listen, send } from '../shared/messaging';
import { isDisconnect } from '../shared/protocol';
import type { HistoryEntry, ImageOrigin, ImageSource, Outcome } from '../shared/types';
import { dismissNewestCard, ResultCard } from './card';
import { isEngineWarming, onEngineStatus } from './engine-state';
import { findImageAt, type ImageTarget } from './find-image';
import { readImageSource } from './read-source';

let lastRightClick: { x: number; y: number; target?: ImageTarget } | undefined;

addEventListener(
  'contextmenu',
  (event) => {
    const target = findImageAt(event.clientX, event.clientY);
    lastRightClick = { x: event.clientX, y: event.clientY, target };
    // A right-click on a picture is usually followed by "Identify image": start the model now.
    // Sent on every such right-click: the worker also learns which frame was clicked.
    if (target) send('background', 'warm', {}).catch(() => undefined);
  },
  { capture: true, passive: true },
);

addEventListener(
  'keydown',
  (event) => {
    if (event.key === 'Escape') dismissNewestCard();
  },
  { capture: true },
);

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
    const outcome = await identifyInBackground(await readImageSource(target));
    if (outcome.ok) card.showResult(outcome.value);
    else card.showError(outcome.error, retry);
  } catch (error) {
    fail(card, toGlimpseError(error), retry);
  } finally {
    stopWatching();
  }
}

/**
 * What to identify: what is under the right-clicked point now (a lazy loader may have swapped
 * the picture in since), else what was there at the right-click, else the address Chrome gave.
 */
function chooseTarget(hint: string | undefined): ImageTarget | undefined {
  if (!lastRightClick) return hint ? { kind: 'url', url: hint } : undefined;
  const now = findImageAt(lastRightClick.x, lastRightClick.y, hint);
  if (now?.element) return now;
  const then = lastRightClick.target;
  if (then?.element?.isConnected) return then;
  return now;
}

listen('content', {
  'identify-target'({ srcUrl, mediaType }) {
    const point = lastRightClick ?? { x: innerWidth / 2, y: innerHeight / 2 };
    const target = chooseTarget(mediaType === 'image' ? srcUrl : undefined);
    const card = new ResultCard(target?.element, point);
    if (!target) fail(card, { code: 'no-image-found' });
    else void identifyTarget(card, target);
    return { accepted: true };
  },
  ping: () => ({ ready: true as const }),
});
