/**
 * One screenful of a page scan: every picture in view is read at once (their boxes measured
 * together, the page's bars found once for all of them), all those read from the screen captured
 * together, each where it is at that moment (one capture: screen-shots.ts, retaken if the page
 * moved meanwhile), then sent as a few requests of up to MAX_PICTURES_PER_REQUEST. Each request's
 * answers land as soon as it is done, so the labels fill in batch by batch.
 */
import { toGlimpseError } from '../../shared/errors';
import { MAX_PICTURES_PER_REQUEST } from '../../shared/protocol';
import type { HistoryEntry, ImageOrigin, ImageSource, OnScreen, Outcome } from '../../shared/types';
import { pageOrigin } from '../ask/ask-background';
import { targetOf } from '../find/image-target';
import { notWhole, readImageSource, screenPlace, wholeCheckOf, withShot } from '../read/read-source';
import { PageKeptMoving, shootSteadily, type Shot } from '../read/screen-shots';
import { sightingOf, type CoverCheck } from '../read/screen-area';
import { identifyMany } from './ask-many';
import { coverBy, screenBars } from './bars';
import type { Picture } from './find-pictures';

export interface ShotItem {
  picture: Picture;
  /** The element whose pixels are read (the picture's first one still on the page). */
  element: Element;
}

export interface ShotCallbacks {
  /** The shot's capture has been taken (or none was needed): the next screenful may be measured. */
  onCaptured(): void;
  /** `moved`: the picture was read from the screen and the page scrolled between measuring it and the capture. */
  onAnswer(item: ShotItem, outcome: Outcome<HistoryEntry>, imageUrl: string | undefined, moved: boolean): void;
}

interface Read {
  item: ShotItem;
  source: ImageSource;
  imageUrl?: string;
  /** Whether the browser decoded the whole picture, checked while the capture is taken (read-source.ts). */
  isWhole?: () => Promise<boolean>;
}

const readsScreen = (source: ImageSource): boolean => source.kind === 'screen' || (source.kind === 'url' && source.onScreen !== undefined);

const hasShot = (source: ImageSource): boolean => (source.kind === 'screen' || source.kind === 'url') && source.shot !== undefined;

/** What the service worker needs for one picture: a sprite tile is read from the screen, where only its own tile shows. */
async function readForScan(element: Element, covered: CoverCheck, isSpriteSheet: (url: string) => boolean): Promise<Omit<Read, 'item'>> {
  const target = targetOf(element);
  if (!target) throw new Error('the picture is no longer on the page');
  const imageUrl = target.kind === 'url' ? target.url : undefined;
  if (target.kind === 'url' && element.localName !== 'img' && isSpriteSheet(target.url)) {
    const { onScreen } = await sightingOf(element, covered);
    if (onScreen) return { source: { kind: 'screen', area: onScreen.area }, imageUrl };
  }
  return { source: await readImageSource(target, { covered, shoot: false, checkWhole: false }), imageUrl, isWhole: wholeCheckOf(target) };
}

/**
 * Whether the browser decoded each <img> picture whole. The checks (a decode each, on the page's
 * thread) run one at a time while the capture is taken; a picture that was not is then sent as
 * its address, whatever was read of it.
 */
async function checkWhole(reads: Read[]): Promise<Map<ShotItem, boolean>> {
  const whole = new Map<ShotItem, boolean>();
  for (const { item, isWhole } of reads) if (isWhole) whole.set(item, await isWhole());
  return whole;
}

const originOf = (imageUrl: string | undefined): ImageOrigin =>
  ({ ...pageOrigin(), ...(imageUrl && /^https?:/i.test(imageUrl) ? { imageUrl } : {}) });

/**
 * Captures every picture of the screenful read from the screen at once, each where it is at that
 * moment: the reads to send, with their shots. A picture gone from the screen meanwhile is
 * answered as such; when the page never stood still for the capture, the pictures read from the
 * screen are answered as moved (the scan reads them again where they are then). Undefined when
 * no capture could be taken from here: the worker then captures the screenful itself (shot.ts).
 */
async function shootScreenful(reads: Read[], covered: CoverCheck, onAnswer: ShotCallbacks['onAnswer'], onAsked: () => void): Promise<Read[] | undefined> {
  const places = reads.map((read) => screenPlace(read.item.element, read.source, covered));
  const shooting = places.flatMap((place, i) => (place ? [{ place, i }] : []));
  if (shooting.length === 0) return reads;
  if (document.visibilityState !== 'visible') return undefined;
  let shots: (Shot<OnScreen> | undefined)[];
  try {
    shots = await shootSteadily(shooting.map(({ place }) => place.measure), shooting.map(({ place }) => place.first), onAsked);
  } catch (error) {
    if (!(error instanceof PageKeptMoving)) return undefined;
    for (const { i } of shooting) onAnswer(reads[i]!.item, { ok: false, error: error.error }, reads[i]!.imageUrl, true);
    return reads.filter((_, i) => !places[i]);
  }
  const shotOf = new Map(shooting.map(({ i }, at) => [i, shots[at] ?? null]));
  return reads.flatMap((read, i) => {
    if (!shotOf.has(i)) return [read];
    const source = withShot(read.source, shotOf.get(i));
    if (source) return [{ ...read, source }];
    onAnswer(read.item, { ok: false, error: { code: 'off-screen', detail: 'the picture left the screen before it was captured' } }, read.imageUrl, false);
    return [];
  });
}

/** Reads and sends `items` as one shot. */
export interface ShotContext {
  scanId: string;
  /** When the page last scrolled (Date.now()), to tell whether a capture still shows what was measured. */
  lastScrollAt(): number;
  isSpriteSheet(url: string): boolean;
}

export async function sendShot(items: ShotItem[], { scanId, lastScrollAt, isSpriteSheet }: ShotContext, callbacks: ShotCallbacks): Promise<void> {
  const measuredAt = Date.now();
  const covered = coverBy(screenBars());
  const reads: Read[] = [];
  await Promise.all(items.map(async (item) => {
    try {
      reads.push({ item, ...(await readForScan(item.element, covered, isSpriteSheet)) });
    } catch (error) {
      callbacks.onAnswer(item, { ok: false, error: toGlimpseError(error) }, undefined, false);
    }
  }));
  // The order the person reads in: top to bottom, left to right (reads finished in any order).
  reads.sort((a, b) => items.indexOf(a.item) - items.indexOf(b.item));
  if (reads.length === 0) return callbacks.onCaptured();
  // The checks wait for the capture to be asked for: run before, they would hold up the veil's frames.
  let asked!: () => void;
  const checking = new Promise<void>((resolve) => (asked = resolve)).then(() => checkWhole(reads));
  const shotHere = await shootScreenful(reads, covered, callbacks.onAnswer, asked);
  asked();
  if (shotHere) {
    reads.splice(0, reads.length, ...shotHere);
    callbacks.onCaptured();
  }
  const whole = await checking;
  for (const read of reads) if (whole.get(read.item) === false && read.imageUrl) read.source = notWhole(read.imageUrl);
  const shot = crypto.randomUUID();
  let captured = shotHere !== undefined;
  const requests: Promise<void>[] = [];
  for (let at = 0; at < reads.length; at += MAX_PICTURES_PER_REQUEST) {
    const part = reads.slice(at, at + MAX_PICTURES_PER_REQUEST);
    const pictures = part.map(({ source, imageUrl }) => ({ source, origin: originOf(imageUrl) }));
    requests.push(identifyMany({ pictures, scanId, shot }).then(({ outcomes, capturedAt }) => {
      if (!captured) {
        captured = true;
        callbacks.onCaptured();
      }
      const scrolled = capturedAt !== undefined && lastScrollAt() >= measuredAt && lastScrollAt() <= capturedAt;
      // A picture captured where it was at the capture is what the user saw, however the page moved.
      part.forEach((read, i) => callbacks.onAnswer(read.item, outcomes[i]!, read.imageUrl, scrolled && readsScreen(read.source) && !hasShot(read.source)));
    }));
  }
  await Promise.all(requests);
}
