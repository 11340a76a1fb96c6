/**
 * Where this frame sits in the top frame's viewport, when a frame of another origin is in between
 * (its content script cannot read `frameElement`): each parent's content script answers its child
 * with the child frame's box, adding its own position, up to the top.
 */
import { intersect, shift, type Box } from '../geometry/box';
import { clipByAncestors, contentBox, viewportOf } from '../geometry/element-box';

export interface FramePosition {
  /** Where this frame's viewport origin is in the top viewport. */
  offset: { left: number; top: number };
  /** The part of the top viewport through which this frame is visible. */
  visible: Box;
  /** The top frame's device pixel ratio. */
  dpr: number;
}

const ASK = 'glimpse:where-is-my-frame';
const ANSWER = 'glimpse:your-frame-is';
const ANSWER_WAIT_MS = 500;

/** This frame's position in the top viewport; undefined when a parent does not answer (no content script there). */
export function framePosition(): Promise<FramePosition | undefined> {
  if (window === window.top) return Promise.resolve({ offset: { left: 0, top: 0 }, visible: viewportOf(window), dpr: devicePixelRatio || 1 });
  const id = crypto.randomUUID();
  return new Promise((resolve) => {
    const done = (position: FramePosition | undefined) => {
      removeEventListener('message', onAnswer);
      clearTimeout(timer);
      resolve(position);
    };
    const onAnswer = (event: MessageEvent) => {
      const answer = (event.data as Record<string, unknown> | null)?.[ANSWER] as (FramePosition & { id: string }) | undefined;
      if (event.source !== window.parent || answer?.id !== id) return;
      done({ offset: answer.offset, visible: answer.visible, dpr: answer.dpr });
    };
    const timer = setTimeout(() => done(undefined), ANSWER_WAIT_MS);
    addEventListener('message', onAnswer);
    window.parent.postMessage({ [ASK]: id }, '*');
  });
}

async function answerChild(event: MessageEvent): Promise<void> {
  const id = (event.data as Record<string, unknown> | null)?.[ASK];
  if (typeof id !== 'string' || !event.source) return;
  const frame = [...document.querySelectorAll('iframe, frame')].find((element) => (element as HTMLIFrameElement).contentWindow === event.source);
  if (!frame) return;
  const mine = await framePosition();
  if (!mine) return;
  const inner = contentBox(frame);
  const visibleHere = intersect(clipByAncestors(frame, inner), viewportOf(window));
  const answer: FramePosition & { id: string } = {
    id,
    offset: { left: mine.offset.left + inner.left, top: mine.offset.top + inner.top },
    visible: intersect(shift(visibleHere, mine.offset.left, mine.offset.top), mine.visible),
    dpr: mine.dpr,
  };
  (event.source as Window).postMessage({ [ANSWER]: answer }, '*');
}

/** Answers child frames that ask where they are (called once by the content script of every frame); returns how to stop. */
export function answerChildFrames(): () => void {
  const onMessage = (event: MessageEvent) => void answerChild(event);
  addEventListener('message', onMessage);
  return () => removeEventListener('message', onMessage);
}
