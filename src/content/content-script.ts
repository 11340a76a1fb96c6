/** In every frame: remembers what was right-clicked, identifies it on request, shows the card. */
import { toGlimpseError, type GlimpseError } from '../shared/errors';
import type { ImageSource } from '../shared/types';
import { listen, send } from '../shared/messaging';
import { identifyInBackground, pageOrigin } from './ask-background';
import { dismissNewestCard, ResultCard } from './card';
import { isEngineWarming, onEngineStatus } from './engine-state';
import { findImageAt, type ImageTarget } from './find-image';
import { lastPointer } from './pointer';
import { readImageSource } from './read-source';
import { cancelRegionSelect, regionAnchor, startRegionSelect } from './region-select';
import { closeScan, scanPage } from './scan/page-scan';

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
    if (event.key === 'Escape' && !cancelRegionSelect()) dismissNewestCard();
  },
  { capture: true },
);

const origin = pageOrigin;

function fail(card: ResultCard, error: GlimpseError, retry?: () => void): void {
  card.showError(error, retry);
  send('background', 'report-error', { error, origin: origin() }).catch(() => undefined);
}

/** Identifies what `read` gives, showing progress and the answer in `card`. */
async function identifyInto(card: ResultCard, read: () => Promise<ImageSource>): Promise<void> {
  const retry = () => void identifyInto(card, read);
  card.showWorking(await isEngineWarming());
  const stopWatching = onEngineStatus((status) => {
    if (card.host.getAttribute('data-state') === 'working') card.showWorking(status.state !== 'ready');
  });
  try {
    const outcome = await identifyInBackground(await read());
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
    else void identifyInto(card, () => readImageSource(target));
    return { accepted: true };
  },
  'select-region'() {
    const started = startRegionSelect((box) => {
      // The box stays where it was drawn, so a retry reads that part of the screen again.
      const source: ImageSource = { kind: 'screen', area: { ...box, dpr: devicePixelRatio || 1 }, region: true };
      const card: ResultCard = new ResultCard(regionAnchor(box, () => card.isOpen), { x: box.left + box.width, y: box.top });
      void identifyInto(card, () => Promise.resolve(source));
    });
    return { started };
  },
  'identify-pointer'() {
    const point = lastPointer();
    const target = point ? findImageAt(point.x, point.y) : undefined;
    const card = new ResultCard(target?.element, point ?? { x: innerWidth / 2, y: innerHeight / 2 });
    if (!target) fail(card, { code: 'no-image-found' });
    else void identifyInto(card, () => readImageSource(target));
    return { accepted: true };
  },
  'scan-page'() {
    scanPage();
    return { accepted: true };
  },
  'clear-all'() {
    closeScan();
    while (dismissNewestCard());
  },
  ping: () => ({ ready: true as const }),
});
