/**
 * Every label in this frame, laid out together: once per frame after anything moved (scroll,
 * resize, a picture resized or shifted), all labels are measured, then placed in the order they
 * appeared (each keeping off the page's bars, the others' pictures and the labels before it),
 * then moved: one read phase and one write phase, however many labels there are.
 * Also: Esc (routed here by the content script) and clicks on the page, clear all, presenter mode.
 */
import type { CardAnchor } from './card-anchor';
import { visiblePart, type Box, type Size } from '../geometry/box';
import { INSET, placeLabel, type Placement } from './card-position';
import { pageBars, picturesIn, viewportBox } from './page-scene';
import { onPresenterMode } from './presenter';

/**
 * How often labels check that their pictures have not moved for reasons no event reports (layout
 * shifts, animations), nor been swapped for another picture (a carousel's next slide).
 */
const FOLLOW_INTERVAL_MS = 250;

export type CardState = 'working' | 'result' | 'error' | 'changed';

/** What the layer asks of a card (card.ts's ResultCard is one): declared here, so the two modules do not import each other. */
export interface LaidOutCard {
  readonly host: HTMLElement;
  /** The picture it is about, when there is one. */
  readonly element: Element | undefined;
  readonly point: { x: number; y: number };
  readonly shows: CardState;
  readonly expanded: boolean;
  /** What it stands on: a picture, a region or a point. */
  readonly anchor: Pick<CardAnchor, 'box' | 'clip' | 'isPinned' | 'owns'>;
  /** Where the anchor was at the last layout. */
  lastAnchorBox: Box | undefined;
  size(): Size;
  fitTo(anchor: Box | undefined, viewport: Box): void;
  place(placement: Placement): void;
  checkPicture(): void;
  collapse(): void;
  applyPresenterMode(on: boolean): void;
  dismiss(): void;
}

const open: LaidOutCard[] = [];
let presenter = false;
let scheduled = false;
let follower: ReturnType<typeof setInterval> | undefined;
let resizeObserver: ResizeObserver | undefined;
let stopPresenter: (() => void) | undefined;

const sameBox = (a: Box | undefined, b: Box | undefined): boolean =>
  a?.left === b?.left && a?.top === b?.top && a?.width === b?.width && a?.height === b?.height;

export const isPresenterMode = (): boolean => presenter;

/** Lays every label out once, soon (the next frame; a timer too, as hidden tabs get no frames). */
export function scheduleLayout(): void {
  if (scheduled) return;
  scheduled = true;
  const run = () => {
    if (!scheduled) return;
    scheduled = false;
    layout();
  };
  requestAnimationFrame(run);
  setTimeout(run, 100);
}

function layout(): void {
  if (!open.length) return;
  const viewport = viewportBox();
  // Read everything first, then write: no layout thrashing with dozens of labels.
  const anchors = open.map((card) => card.anchor.box());
  const elements = open.flatMap((card) => (card.element ? [card.element] : []));
  const bars = pageBars(viewport, elements);
  open.forEach((card, i) => card.fitTo(anchors[i], viewport));
  const sizes = open.map((card) => card.size());
  const clips = open.map((card) => card.anchor.clip(viewport));
  const placements: Placement[] = [];
  const taken: Box[] = [];
  // Compact labels first, so they never overlap one another; open cards then go on top.
  const order = open.map((_, i) => i).sort((a, b) => Number(open[a]!.expanded) - Number(open[b]!.expanded));
  for (const i of order) {
    const card = open[i]!;
    const anchor = anchors[i];
    card.lastAnchorBox = anchor;
    const placement = card.anchor.isPinned && !anchor
      ? { left: 0, top: 0, visible: false, side: 'point' as const }
      : placeLabel({
        size: sizes[i]!, anchor, clip: clips[i]!, viewport, point: card.point, covers: bars,
        pictures: anchor ? neighbours(card, anchor, sizes[i]!, clips[i]!, bars, viewport) : [],
        taken: card.expanded ? [] : taken, besideFirst: card.expanded,
      });
    placements[i] = placement;
    if (placement.visible && !card.expanded) taken.push({ left: placement.left, top: placement.top, ...sizes[i]! });
  }
  open.forEach((card, i) => card.place(placements[i]!));
}

/** How long the pictures found around a picture are trusted (they move with it when the page scrolls). */
const NEIGHBOURS_TTL_MS = 2000;
const SAMPLE_STEP = 36;
const nearby = new WeakMap<LaidOutCard, { key: string; at: number; anchor: Box; boxes: Box[] }>();

/**
 * The other pictures a label could land on: none when it fits inside its own picture (it sits
 * there, covering nothing else; an open card goes beside it first, so it looks); else those
 * around the picture, as far as the label reaches.
 * Finding them costs hit tests, so they are kept relative to the picture for a while: scrolling
 * moves them together.
 */
function neighbours(card: LaidOutCard, anchor: Box, size: Size, clip: Box, bars: Box[], viewport: Box): Box[] {
  const seen = visiblePart(anchor, clip, bars);
  if (!card.expanded && size.width + 2 * INSET <= seen.width && size.height + 2 * INSET <= seen.height) return [];
  const key = `${size.width}x${size.height}/${anchor.width}x${anchor.height}`;
  let known = nearby.get(card);
  if (!known || known.key !== key || performance.now() - known.at > NEIGHBOURS_TTL_MS) {
    const reach = { left: anchor.left - size.width, top: anchor.top - size.height, width: anchor.width + 2 * size.width, height: anchor.height + 2 * size.height };
    const boxes = picturesIn(reach, viewport, SAMPLE_STEP).filter((picture) => !card.anchor.owns(picture.element, picture.box)).map((picture) => picture.box);
    known = { key, at: performance.now(), anchor, boxes };
    nearby.set(card, known);
  }
  const dx = anchor.left - known.anchor.left;
  const dy = anchor.top - known.anchor.top;
  return known.boxes.map((box) => ({ ...box, left: box.left + dx, top: box.top + dy }));
}

const relayout = () => scheduleLayout();

/** Each tick: labels whose picture the page swapped stop naming it; labels whose picture moved are laid out again. */
function followMoves(): void {
  let moved = false;
  for (const card of open) {
    moved ||= !sameBox(card.anchor.box(), card.lastAnchorBox);
    card.checkPicture();
  }
  if (moved) scheduleLayout();
}

/** Esc (routed by the content script): first it closes open cards back to their labels, the next clears every label. */
export function escapeCards(): void {
  if (!collapseAll()) clearAllCards();
}

function onPointerDown(event: PointerEvent): void {
  if (!event.isTrusted) return;
  const path = event.composedPath();
  if (open.some((card) => path.includes(card.host))) return;
  collapseAll();
}

/** Closes every open card back to its label; whether there was one. */
function collapseAll(): boolean {
  const expanded = open.filter((card) => card.expanded && (card.shows === 'result' || card.shows === 'changed'));
  for (const card of expanded) card.collapse();
  return expanded.length > 0;
}

function start(): void {
  addEventListener('scroll', relayout, { capture: true, passive: true });
  addEventListener('resize', relayout, { passive: true });
  addEventListener('pointerdown', onPointerDown, { capture: true, passive: true });
  resizeObserver = new ResizeObserver(relayout);
  follower = setInterval(followMoves, FOLLOW_INTERVAL_MS);
  stopPresenter = onPresenterMode((on) => {
    presenter = on;
    for (const card of open) card.applyPresenterMode(on);
    scheduleLayout();
  });
}

function stop(): void {
  removeEventListener('scroll', relayout, { capture: true });
  removeEventListener('resize', relayout);
  removeEventListener('pointerdown', onPointerDown, { capture: true });
  resizeObserver?.disconnect();
  clearInterval(follower);
  stopPresenter?.();
}

/** Registers a new card; returns the cards that were open before it. */
export function keepCard(card: LaidOutCard): LaidOutCard[] {
  const before = [...open];
  if (!open.length) start();
  open.push(card);
  if (card.element) resizeObserver?.observe(card.element);
  scheduleLayout();
  return before;
}

export function forgetCard(card: LaidOutCard): void {
  const at = open.indexOf(card);
  if (at < 0) return;
  open.splice(at, 1);
  if (card.element && !open.some((other) => other.element === card.element)) resizeObserver?.unobserve(card.element);
  if (!open.length) stop();
  else scheduleLayout();
}

/** Removes every Glimpse label and card in this frame (Esc, the command, the popup's button); how many there were. */
export function clearAllCards(): number {
  const count = open.length;
  for (const card of [...open]) card.dismiss();
  return count;
}

/** The cards open in this frame, oldest first (for the router and tests of this module). */
export const openCards = (): readonly LaidOutCard[] => open;
