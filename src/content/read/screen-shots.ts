/**
 * What is named is what the user saw: a picture read from the screen is captured where it is at
 * the moment of the capture. Its place is measured, Glimpse's own elements are veiled (only if
 * they could show there), the tab captured, and the place measured again a frame later (when the
 * page's thread has caught up with any scrolling the compositor did meanwhile). If the page
 * scrolled or the picture moved or changed in between, that capture is thrown away: once the
 * page is still, it is taken again.
 */
import { GlimpseFailure } from '../../shared/errors';
import { send } from '../../shared/messaging';
import type { ScreenArea } from '../../shared/types';
import { veilFor } from './capture-veil';
import { nextFrame } from './next-frame';

/** Captures thrown away before giving up (a page that never stops moving). */
const MAX_ATTEMPTS = 6;
/** Stillness that counts as "the page stopped moving": no scroll or resize for this long. */
const QUIET_MS = 120;
const MAX_QUIET_WAIT_MS = 3_000;
/** Sub-pixel layout noise is not a move. */
const TOLERANCE_PX = 0.75;

/** Where something to capture is on screen (with whatever else the caller measures alongside, such as which part of a picture shows). */
export interface Place {
  area: ScreenArea;
}

/** Something on screen to capture: where it is now (undefined: no longer on screen). */
export type Measure<P extends Place = Place> = () => Promise<P | undefined>;

/** A capture of one place: its id in the service worker, and the place as it was when captured. */
export interface Shot<P extends Place = Place> {
  id: string;
  place: P;
}

/**
 * Notes scrolling of the page and resizing from now until stop(). (Scrollers inside the page are
 * not counted: a ticker elsewhere on it would never let a capture be taken; the picture's place,
 * measured again, tells whether one of them moved it.)
 */
function watchMoves(): { readonly moved: boolean; lastMoveAt: number; stop(): void } {
  const state = {
    moved: false,
    lastMoveAt: -Infinity,
    stop() {
      removeEventListener('scroll', onMove, { capture: true });
      removeEventListener('resize', onMove);
    },
  };
  function onMove(event: Event) {
    if (event.type === 'scroll' && event.target !== document && event.target !== window) return;
    state.moved = true;
    state.lastMoveAt = performance.now();
  }
  addEventListener('scroll', onMove, { capture: true, passive: true });
  addEventListener('resize', onMove, { passive: true });
  return state;
}

/** Resolves once nothing scrolled or resized for QUIET_MS (at most MAX_QUIET_WAIT_MS). */
async function pageStill(): Promise<void> {
  const watch = watchMoves();
  const started = performance.now();
  try {
    while (performance.now() - started < MAX_QUIET_WAIT_MS) {
      const quietFor = performance.now() - Math.max(watch.lastMoveAt, started);
      if (quietFor >= QUIET_MS) return;
      await new Promise((resolve) => setTimeout(resolve, QUIET_MS - quietFor));
    }
  } finally {
    watch.stop();
  }
}

const samePlace = (a: Place | undefined, b: Place | undefined): boolean =>
  a === b || (a !== undefined && b !== undefined && a.area.dpr === b.area.dpr &&
    (['left', 'top', 'width', 'height'] as const).every((side) => Math.abs(a.area[side] - b.area[side]) <= TOLERANCE_PX));

/** One capture of the measured places; undefined when the page moved while it was taken. */
async function shootOnce<P extends Place>(measures: Measure<P>[], first: (P | undefined)[] | undefined, onAsked: () => void): Promise<(Shot<P> | undefined)[] | undefined> {
  const watch = watchMoves();
  try {
    const places = first ?? (await Promise.all(measures.map((measure) => measure())));
    const wanted = places.flatMap((place) => (place ? [place.area] : []));
    if (wanted.length === 0) return places.map(() => undefined);
    const release = await veilFor(wanted);
    let outcome;
    try {
      const capturing = send('background', 'capture', { areas: wanted });
      onAsked();
      outcome = await capturing;
    } finally {
      release();
    }
    if (!outcome.ok) throw new GlimpseFailure(outcome.error);
    // A frame after the capture, the page's thread knows of any scrolling that preceded it.
    await nextFrame(100);
    const again = await Promise.all(measures.map((measure) => measure()));
    if (watch.moved || places.some((place, i) => !samePlace(place, again[i]))) return undefined;
    const ids = [...outcome.value.shots];
    // Each shot with the place it shows: a retake's, not the first measure's (which the page scrolled away from).
    return places.map((place) => (place ? { id: ids.shift()!, place } : undefined));
  } finally {
    watch.stop();
  }
}

/**
 * Captures each measured picture where it is at the moment of the capture: one shot per measure
 * (undefined for one not on screen), all from one capture, each with the place it shows.
 * `first`: the places already measured for the first attempt (a moment ago, by whoever found the
 * pictures). `onAsked`: called as each capture is asked for (the page's thread is free until it comes).
 */
export async function shootSteadily<P extends Place>(measures: Measure<P>[], first?: (P | undefined)[], onAsked: () => void = () => undefined): Promise<(Shot<P> | undefined)[]> {
  for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
    const shots = await shootOnce(measures, attempt === 1 ? first : undefined, onAsked);
    if (shots) return shots;
    await pageStill();
  }
  throw new PageKeptMoving();
}

/** The page never stood still long enough for a capture that shows where the picture was. */
export class PageKeptMoving extends GlimpseFailure {
  constructor() {
    super({ code: 'off-screen', detail: 'the page kept moving while the picture was captured' });
  }
}
