/** In every frame: remembers what was right-clicked, identifies it on request, shows the card. */
import { showObjectsWhenFound } from './ask/ask-objects';
import { toGlimpseError, type GlimpseError } from '../shared/errors';
import type { ImageSource } from '../shared/types';
import { listen, send } from '../shared/messaging';
import { identifyInBackground, pageOrigin } from './ask/ask-background';
import { clearAllCards, escapeCards, openCards, ResultCard } from './show/card';
import { chooseTarget } from './find/chosen-target';
import { isEngineWarming, onEngineStatus } from './ask/engine-state';
import { findImageAt, type ImageTarget } from './find/find-image';
import { targetOf } from './find/image-target';
import { shared } from './ask/in-flight';
import { onRetire, stillAlive, takeOver, watchWhile } from './orphan';
import { answerChildFrames } from './read/frame-position';
import { lastPointer } from './find/pointer';
import { showPresenterSign } from './show/presenter-sign';
import { readImageSource } from './read/read-source';
import { readEarly, takeEarlyRead } from './read/early-read';
import { cancelRegionSelect, startRegionSelect, watchRegionEvents } from './find/region-select';
import { lastRightClick, watchRightClicks } from './find/right-click';
import { LiveVideo, videoIn } from './live/live-video';
import { closeScan, scanPage } from './scan/page-scan';
import { closeTeachField, TeachField } from './teach/teach-field';
import { PageKeptMoving, shootSteadily } from './read/screen-shots';
import type { Box } from './geometry/box';

// A copy of this script left over from before an update or reload retires now.
takeOver();

onRetire(
  watchRightClicks((target) => {
    // A right-click on a picture is usually followed by "Identify image": start the model now.
    // Sent on every such right-click: the worker also learns which frame was clicked.
    send('background', 'warm', {}).catch(() => undefined);
    readEarly(target, readImageSource);
  }),
);

onRetire(answerChildFrames());
// Before the page's own listeners: region select works on pages that handle pointer presses themselves.
onRetire(watchRegionEvents());
onRetire(showPresenterSign());

const onKeyDown = (event: KeyboardEvent) => {
  // A page's own (synthetic) Escape closes nothing of Glimpse's.
  if (event.key !== 'Escape' || !event.isTrusted || !stillAlive()) return;
  // Region select first; then open cards close back to their labels; then every label goes.
  if (!cancelRegionSelect()) escapeCards();
};
addEventListener('keydown', onKeyDown, { capture: true });
onRetire(() => removeEventListener('keydown', onKeyDown, { capture: true }));
onRetire(closeScan);
onRetire(() => {
  for (const card of [...openCards()]) {
    try {
      card.dismiss();
    } catch {
      // One card failing to tidy up leaves the others to go.
    }
  }
});

const origin = pageOrigin;


function fail(card: ResultCard, error: GlimpseError, retry?: () => void): void {
  card.showError(error, retry);
  send('background', 'report-error', { error, origin: origin() }).catch(() => undefined);
}

interface Ask {
  /** Names the picture: a burst of clicks on one picture waits for one answer. */
  key?: unknown;
  /** When the user asked (the menu click), for the time they waited. */
  requestedAt?: number;
  /** The address of the picture identified: the label stops naming it if the page swaps it. */
  identified?: string;
}

/**
 * The card of one identification, made when first needed: once the picture is read. Until then
 * the page has nothing of Glimpse's to see (no host appears before a capture is taken, so no page
 * can react to it with a decoy), and a capture has nothing of Glimpse's to hide.
 */
interface LazyCard {
  (): ResultCard;
  readonly made?: ResultCard;
}

function lazyCard(make: () => ResultCard): LazyCard {
  let made: ResultCard | undefined;
  const card = () => (made ??= make());
  return Object.defineProperty(card, 'made', { get: () => made }) as LazyCard;
}

/** Identifies what `read` gives, showing progress (once it is read) and the answer in `card`. */
async function identifyInto(card: LazyCard, read: () => Promise<ImageSource>, { key, requestedAt = Date.now(), identified }: Ask = {}): Promise<void> {
  const retry = () => void identifyInto(card, read, { key, identified });
  watchWhile(() => card.made?.isOpen ?? true);
  const warming = isEngineWarming();
  const stopWatching = onEngineStatus((status) => {
    const made = card.made;
    if (made?.shows === 'working') made.showWorking(status.state !== 'ready');
  });
  try {
    const ask = async () => {
      const source = await read();
      // Sent first: the worker starts while the page shows that it is working.
      const answer = identifyInBackground(source, { requestedAt, imageUrl: identified });
      card().showWorking(await warming);
      return answer;
    };
    const outcome = await (key === undefined ? ask() : shared(key, ask));
    if (outcome.ok) {
      card().showResult(outcome.value, identified);
      void showObjectsWhenFound(card(), outcome.value.id);
    } else card().showError(outcome.error, retry);
  } catch (error) {
    fail(card(), toGlimpseError(error), retry);
  } finally {
    stopWatching();
  }
}

/** Identifies `target` into `card`; once the page swaps the picture, "Identify again" identifies what its element shows then. */
function identifyTarget(makeCard: () => ResultCard, target: ImageTarget, requestedAt?: number): void {
  const card: LazyCard = lazyCard(() => {
    const made = makeCard();
    made.onIdentifyAgain((picture) => identifyShown(made, picture));
    return made;
  });
  const identified = target.kind === 'url' ? target.url : undefined;
  const read = async () => (await takeEarlyRead(target)) ?? readImageSource(target);
  void identifyInto(card, read, { key: target.element ?? identified, requestedAt, identified });
}

function identifyShown(card: ResultCard, element: Element): void {
  const target = element.isConnected ? targetOf(element) : undefined;
  if (target) identifyTarget(() => card, target);
  else fail(card, { code: 'no-image-found' });
}

/**
 * What the user selected: the part of the page they drew the box around, captured where it is
 * at the moment of the capture (the page may have scrolled since); a retry reads it again.
 */
function regionReader(box: Box): () => Promise<ImageSource> {
  const [x, y] = [scrollX, scrollY];
  const area = () => ({ ...box, left: box.left + x - scrollX, top: box.top + y - scrollY, dpr: devicePixelRatio || 1 });
  return async () => {
    const [shot] = await shootSteadily([async () => ({ area: area() })]).catch((error: unknown) => {
      if (error instanceof PageKeptMoving) throw error;
      return [undefined]; // no capture from here: the worker takes one itself
    });
    return { kind: 'screen', area: shot?.place.area ?? area(), region: true, ...(shot ? { shot: shot.id } : {}) };
  };
}

// A retired copy stops answering: the copy that replaced it answers alone (one identification, one label, one row).
onRetire(listen('content', {
  'identify-target'({ srcUrl, mediaType, requestedAt }) {
    if (!stillAlive()) return { accepted: false };
    const choice = chooseTarget(lastRightClick(), mediaType === 'image' ? srcUrl : undefined);
    const card = () => new ResultCard(choice.anchor ?? choice.target?.element, choice.point);
    const target = choice.target;
    // A canvas, video or drawing the page removed since the right-click cannot be read any more.
    if (!target) fail(card(), choice.changed ? { code: 'unreadable', detail: 'the page removed the picture' } : { code: 'no-image-found' });
    else identifyTarget(card, target, requestedAt);
    return { accepted: true };
  },
  'select-region'() {
    const started = startRegionSelect((box) => {
      // Pinned to the box drawn (in page coordinates: it scrolls with what was selected).
      const card = lazyCard(() => new ResultCard({ region: box }, { x: box.left + box.width, y: box.top }));
      void identifyInto(card, regionReader(box));
    });
    return { started };
  },
  'identify-pointer'() {
    const point = lastPointer();
    // Last seen going into a frame Glimpse cannot read (no answer came from it): the picture beside is not what is under the pointer.
    const target = point && !point.intoFrame ? findImageAt(point.x, point.y) : undefined;
    const card = () => new ResultCard(target?.element, point ?? { x: innerWidth / 2, y: innerHeight / 2 });
    if (!target) fail(card(), { code: 'no-image-found' });
    else identifyTarget(card, target);
    return { accepted: true };
  },
  'scan-page'() {
    scanPage();
    return { accepted: true };
  },
  'clear-all'() {
    closeScan();
    clearAllCards();
    LiveVideo.stopAll();
  },
  'identify-live'() {
    if (!stillAlive()) return { accepted: false };
    const video = videoIn(lastRightClick()?.stack ?? []);
    if (!video) return { accepted: false };
    LiveVideo.start(video);
    return { accepted: true };
  },
  ping: () => ({ ready: true as const }),
  'teach-target'({ srcUrl, mediaType, classNames }) {
    if (!stillAlive()) return { accepted: false };
    const choice = chooseTarget(lastRightClick(), mediaType === 'image' ? srcUrl : undefined);
    const target = choice.target;
    if (!target) {
      fail(new ResultCard(choice.anchor, choice.point), { code: 'no-image-found' });
      return { accepted: true };
    }
    new TeachField(choice.anchor ?? target.element, choice.point, classNames, () => readImageSource(target));
    return { accepted: true };
  },
}));
onRetire(closeTeachField);
