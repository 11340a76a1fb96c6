/**
 * The one message protocol between Glimpse's contexts. Every message is declared once, in
 * MESSAGES: the check that runs where it is received (its payload type is derived from it) and
 * the type of its answer. Adding a message is adding one line there and one handler.
 */
import { COMMANDS } from './commands';
import type { DevMessages } from './dev-protocol';
import { glimpseError, type GlimpseError } from './errors';
import { message, type Message } from './message-declaration';
import { IMAGE_FORMATS } from './sniff';
import {
  backendDecision, ENGINE_OPTION_FIELDS, engineOptions, engineStatus, imageOrigin, imageSource,
  type Classification, type Detection, type EngineStats, type EngineStatus, type HistoryEntry, type Outcome,
} from './types';
import { array, arrayBuffer, number, object, oneOf, optional, string, InvalidMessage } from './validate';
import type { ImportOutcome } from './custom-models';
import { rawFrame, screenArea, type FrameAnswer, type RawFrame } from './types';

/** Most pictures one 'identify-many' carries: a page scan sends a screenful as several of these. */
export const MAX_PICTURES_PER_REQUEST = 4;

/** What teaching one example gave: the class and how many examples it has now, or why not. */
export type TeachOutcome = { ok: true; className: string; examples: number } | { ok: false; error: GlimpseError };

const nothing = object({});
/** What a capture of the tab comes as (capture-format.ts). */
export const CAPTURE_TYPES = ['image/jpeg', 'image/png'] as const;
export type CaptureType = (typeof CAPTURE_TYPES)[number];
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
    /**
     * A page scan's pictures, several at once: one outcome per picture, in order. Requests with the
     * same `shot` (a screenful, sent together) share ONE capture of the visible tab; `capturedAt`
     * (Date.now() once it was taken) lets the page tell whether it scrolled in between.
     */
    'identify-many': message<{ outcomes: Outcome<HistoryEntry>[]; capturedAt?: number }>()(object({
      pictures: array(object({ source: imageSource, origin: imageOrigin }), MAX_PICTURES_PER_REQUEST),
      scanId: string, shot: string,
    })),
    /** The popup's buttons for what the shortcuts do ("identify all images", "clear all"), on a tab it names. */
    'run-command': message<{ reached: boolean }>()(object({ command: oneOf(COMMANDS), tabId: optional(number) })),
    /**
     * The things in an identified picture (the follow-up to `identify`: they are found after its
     * answer went out). Waits for them when they are still being found; null when never looked for.
     */
    'find-objects': message<Outcome<Detection> | null>()(object({ entryId: string })),
    /** "Teach Glimpse: this is…": keep the picture as an example of the class named (content script's field). */
    teach: message<TeachOutcome>()(object({ source: imageSource, className: string })),
    /** The popup hands over a Teachable Machine export (its three files); the engine checks and keeps it. */
    'import-model': message<ImportOutcome>()(object({ modelJson: string, weights: arrayBuffer, metadata: string })),
    /** The popup forgets an imported model. */
    'remove-model': message<void>()(object({ id: string })),
    /** A live frame (camera view, a playing video) as raw pixels; the page keeps one in flight. */
    'classify-frame': message<Outcome<FrameAnswer>>()(rawFrame),
    /** "Identify live" on a video the page does not let Glimpse read: a frame of it from the screen (2 a second at most). */
    'capture-frame': message<Outcome<RawFrame>>()(object({ area: screenArea })),
    /**
     * Capture the visible tab now and keep a crop of each area (in memory, seconds at most) for an
     * `identify` naming its shot. Answered once the capture is taken (the crops follow), so the page's
     * side can show its own elements again and check the picture did not move meanwhile.
     */
    capture: message<Outcome<{ shots: string[]; capturedAt: number }>>()(object({ areas: array(screenArea, MAX_CAPTURE_AREAS) })),
    /**
     * The pixels of a picture the page read at a right-click (while the menu is open), kept in
     * memory for seconds at most for the `identify` of a 'held' source naming the id answered.
     */
    'hold-pixels': message<Outcome<{ id: string }>>()(object({ bytes: arrayBuffer })),
  },
  offscreen: {
    /** With a jobId the answer comes without its thumbnail, collected after with `thumbnail`; `format` is what the sender's sniff found. */
    classify: message<Outcome<Classification>>()(
      object({ bytes: arrayBuffer, ...ENGINE_OPTION_FIELDS, format: optional(oneOf(IMAGE_FORMATS)), jobId: optional(string) }),
    ),
    /** Bytes sent ahead of their identification (pixels read at a right-click), kept seconds at most. */
    stage: message<void>()(object({ id: string, bytes: arrayBuffer })),
    /**
     * A page scan's capture of the tab and the area of each picture in it, under the id its
     * `classify-staged` will name: decoded once, each crop cut when its batch comes; kept seconds
     * at most. The pictures go to the model at once (the scan asked for all of them).
     */
    'stage-capture': message<void>()(object({
      bytes: arrayBuffer, mimeType: oneOf(CAPTURE_TYPES), crops: array(object({ id: string, area: screenArea }), MAX_CAPTURE_AREAS),
      ...ENGINE_OPTION_FIELDS,
    })),
    /** `classify` of bytes sent ahead with `stage` or `stage-capture`; null when the engine does not have them (then `classify` them). */
    'classify-staged': message<Outcome<Classification> | null>()(
      object({ id: string, ...ENGINE_OPTION_FIELDS, format: optional(oneOf(IMAGE_FORMATS)), jobId: optional(string) }),
    ),
    /** The thumbnail of an answer sent without one ('' when the engine no longer has it). */
    thumbnail: message<string>()(object({ jobId: string })),
    warm: message<EngineStatus>()(engineOptions),
    stats: message<EngineStats>()(nothing),
    /** The things in a picture and their boxes (after its identification: the detector loads on first use). */
    detect: message<Outcome<Detection>>()(object({ bytes: arrayBuffer, ...ENGINE_OPTION_FIELDS, format: optional(oneOf(IMAGE_FORMATS)) })),
    /** A picture's MobileNetV2 embedding (EMBEDDING_LENGTH float32) and a small thumbnail, to teach it. */
    embed: message<Outcome<{ embedding: ArrayBuffer; thumbnail: string }>>()(
      object({ bytes: arrayBuffer, ...ENGINE_OPTION_FIELDS, format: optional(oneOf(IMAGE_FORMATS)) }),
    ),
    'import-model': message<ImportOutcome>()(object({ modelJson: string, weights: arrayBuffer, metadata: string, ...ENGINE_OPTION_FIELDS })),
    'remove-model': message<{ removed: true }>()(object({ id: string, ...ENGINE_OPTION_FIELDS })),
    /** A live frame as raw pixels, straight into the model (frames.ts). */
    'classify-frame': message<Outcome<FrameAnswer>>()(object({ frame: rawFrame, ...ENGINE_OPTION_FIELDS })),
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
    /** "Teach Glimpse: this is…": open the class-name field at the right-clicked picture (`classNames`: those taught so far). */
    'teach-target': message<{ accepted: boolean }>()(object({ srcUrl: optional(string), mediaType: optional(string), classNames: array(string) })),
    /** The user chose "Identify live" on a playing video: its label follows the video until stopped. */
    'identify-live': message<{ accepted: boolean }>()(nothing),
  },
};

/** Every table: the product's, and (as a type only) the development tools' `dev` (dev-protocol.ts). */
type Tables = typeof MESSAGES & { dev: DevMessages };
export type Destination = keyof Tables;
type Declared<D extends Destination> = Tables[D];
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

/** The tables whose payloads can be checked here: the product's, and `dev` once a development build declares it. */
const checkable: Partial<Record<Destination, Record<string, Message<unknown, unknown>>>> = { ...MESSAGES };

/** Development builds only: makes the development tools' table checkable where they are handled. */
export function declareDevMessages(table: DevMessages): void {
  checkable.dev = table;
}

/** Validates an envelope's payload for its destination; throws InvalidMessage for unknown types or bad shapes. */
export function checkPayload<D extends Destination>(to: D, message: Envelope<D>): unknown {
  const declared: Record<string, Message<unknown, unknown>> = checkable[to] ?? {};
  const check = Object.prototype.hasOwnProperty.call(declared, message.type) ? declared[message.type]?.payload : undefined;
  if (!check) throw new InvalidMessage(`unknown message type "${message.type}" for ${to}`);
  return check(message.payload, 'payload');
}

/** Messages that mean the other end of an extension message went away before answering. */
export function isDisconnect(thrown: unknown): boolean {
  const text = thrown instanceof Error ? thrown.message : String(thrown);
  return /message port closed|receiving end does not exist|could not establish connection|extension context invalidated|message channel closed/i.test(text);
}
