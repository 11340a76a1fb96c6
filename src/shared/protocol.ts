/**
 * The one message protocol between Glimpse's contexts. Every message is declared once, in
 * MESSAGES: the check that runs where it is received (its payload type is derived from it) and
 * the type of its answer. Adding a message is adding one line there and one handler.
 */
import { COMMANDS } from './commands';
import { glimpseError } from './errors';
import type { Rect } from './geometry';
import { IMAGE_FORMATS } from './sniff';
import {
  backendDecision, ENGINE_OPTION_FIELDS, engineOptions, engineStatus, imageOrigin, imageSource, screenArea,
  type Backend, type Classification, type DeletionResult, EXPLAIN_METHODS, type EngineStats, type EngineStatus, type HistoryEntry, type Outcome,
} from './types';
import { arrayBuffer, list, number, object, oneOf, optional, string, InvalidMessage, type Check } from './validate';

/** A message's declaration: its payload's check and (as a type only) its answer. */
interface Message<P, A> {
  readonly payload: Check<P>;
  readonly answer?: A;
}
const message = <A>() => <P>(payload: Check<P>): Message<P, A> => ({ payload });
const nothing = object({});
/** Pictures one capture may be asked to crop (a screenful of a page scan). */
export const MAX_CAPTURE_AREAS = 64;

export const MESSAGES = {
  background: {
    /** Identify an image (content script after a right-click, popup after an upload). */
    identify: message<Outcome<HistoryEntry>>()(object({
      source: imageSource, origin: imageOrigin, scanId: optional(string),
      /** When the user asked (menu click, shortcut, file added), for the time they waited (history `waitedMs`). */
      requestedAt: optional(number),
    })),
    /** A failure found before the service worker was involved (nothing under the pointer, a protected canvas). */
    'report-error': message<void>()(object({ error: glimpseError, origin: imageOrigin })),
    /** Start loading the model now: a right-click on an image is likely to be followed by "Identify image". */
    warm: message<EngineStatus>()(nothing),
    /** The offscreen engine reports its state. */
    'engine-status': message<void>()(object({ status: engineStatus, decision: optional(backendDecision) })),
    /** Tests and benchmarks: the engine's counters. */
    'engine-stats': message<EngineStats>()(nothing),
    /** The popup's buttons for what the shortcuts do ("identify all images", "clear all"), on a tab it names. */
    'run-command': message<{ reached: boolean }>()(object({ command: oneOf(COMMANDS), tabId: optional(number) })),
    /**
     * Capture the visible tab now and keep a crop of each area (in memory, seconds at most) for an
     * `identify` naming its shot. Answered once the capture is taken (the crops follow), so the page's
     * side can show its own elements again and check the picture did not move meanwhile.
     */
    capture: message<Outcome<{ shots: string[]; capturedAt: number }>>()(object({ areas: list(screenArea, MAX_CAPTURE_AREAS) })),
  },
  offscreen: {
    /** With a jobId the answer comes without its thumbnail, collected after with `thumbnail`; `format` is what the sender's sniff found. */
    classify: message<Outcome<Classification>>()(
      object({ bytes: arrayBuffer, ...ENGINE_OPTION_FIELDS, format: optional(oneOf(IMAGE_FORMATS)), jobId: optional(string) }),
    ),
    /** The thumbnail of an answer sent without one ('' when the engine no longer has it). */
    thumbnail: message<string>()(object({ jobId: string })),
    warm: message<EngineStatus>()(engineOptions),
    stats: message<EngineStats>()(nothing),
    /** Benchmarks: bare model.predict on a batch x 224x224x3 tensor (batch 1 unless given), ms per run on the loaded backend. */
    'bench-predict': message<{ backend: Backend; msPerRun: number }>()(object({ runs: number, batch: optional(number) })),
    /** Benchmarks: every view's ImageNet logits (choosing the merge rule). */
    'bench-views': message<{ views: Rect[]; logits: number[][] }>()(object({ bytes: arrayBuffer, ...ENGINE_OPTION_FIELDS })),
    /** Benchmarks: the deletion test of one explanation method on one picture. */
    'bench-deletion': message<DeletionResult>()(object({
      bytes: arrayBuffer, method: oneOf(EXPLAIN_METHODS), seed: number, ...ENGINE_OPTION_FIELDS,
    })),
  },
  content: {
    /** The user chose "Identify image": find what was right-clicked and identify it. */
    'identify-target': message<{ accepted: boolean }>()(object({ srcUrl: optional(string), mediaType: optional(string), requestedAt: optional(number) })),
    /** Whether the content script of a frame is running (it loads asynchronously at document start). */
    ping: message<{ ready: true }>()(nothing),
    /** "Identify all images on this page" (menu, popup, shortcut): start a page scan in this frame. */
    'scan-page': message<{ accepted: boolean }>()(nothing),
    /** The shortcut "identify the picture under the pointer". */
    'identify-pointer': message<{ accepted: boolean }>()(nothing),
    /** Remove every Glimpse label and card from the page, and stop a running scan. */
    'clear-all': message<void>()(nothing),
    /** Dim the page and let the user drag a box; its pixels are identified (top frame only). */
    'select-region': message<{ started: boolean }>()(nothing),
  },
};

export type Destination = keyof typeof MESSAGES;
type Declared<D extends Destination> = (typeof MESSAGES)[D];
export type MessageType<D extends Destination> = keyof Declared<D> & string;
export type Payload<D extends Destination, K extends MessageType<D>> =
  Declared<D>[K] extends Message<infer P, unknown> ? P : never;
export type Answer<D extends Destination, K extends MessageType<D>> =
  Declared<D>[K] extends Message<unknown, infer A> ? A : never;

export interface Envelope<D extends Destination = Destination> {
  glimpse: 1;
  to: D;
  type: string;
  payload: unknown;
}

/** The one way a message is wrapped for sending (by the extension, its tests and its scripts). */
export const envelope = <D extends Destination, K extends MessageType<D>>(to: D, type: K, payload: Payload<D, K>): Envelope<D> =>
  ({ glimpse: 1, to, type, payload });

/** Whether a raw message is a Glimpse envelope addressed to `to` (others are ignored, not answered). */
export function isEnvelopeFor<D extends Destination>(message: unknown, to: D): message is Envelope<D> {
  return typeof message === 'object' && message !== null && (message as Envelope).glimpse === 1 && (message as Envelope).to === to;
}

/** Validates an envelope's payload for its destination; throws InvalidMessage for unknown types or bad shapes. */
export function checkPayload<D extends Destination>(to: D, message: Envelope<D>): unknown {
  const declared = MESSAGES[to] as Record<string, Message<unknown, unknown>>;
  const check = Object.prototype.hasOwnProperty.call(declared, message.type) ? declared[message.type]?.payload : undefined;
  if (!check) throw new InvalidMessage(`unknown message type "${message.type}" for ${to}`);
  return check(message.payload, 'payload');
}

/** Messages that mean the other end of an extension message went away before answering. */
export function isDisconnect(thrown: unknown): boolean {
  const text = thrown instanceof Error ? thrown.message : String(thrown);
  return /message port closed|receiving end does not exist|could not establish connection|extension context invalidated|message channel closed/i.test(text);
}
