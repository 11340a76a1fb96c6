/**
 * The one message protocol between Glimpse's contexts. Every message is declared once here,
 * with the type of its payload and answer and a check that runs where it is received.
 */
import { ERROR_CODES, type GlimpseError } from './errors';
import type { Rect } from './geometry';
import type {
  Backend, BackendDecision, DeletionResult, ExplainMethod, BackendPreference, Classification, EngineStats, EngineStatus, ImageOrigin, ImageSource,
  HistoryEntry, Outcome,
} from './types';
import {
  arrayBuffer, number, object, oneOf, optional, record, string, type Check, InvalidMessage,
} from './validate';

const backendPreference = oneOf<BackendPreference>('auto', 'webgl', 'wasm', 'cpu');

const imageSource: Check<ImageSource> = (value, path) => {
  const kind = oneOf('url', 'bytes')(record(value, path).kind, `${path}.kind`);
  return kind === 'url'
    ? { kind, ...object({ url: string })(value, path) }
    : { kind, ...object({ bytes: arrayBuffer, mimeType: string, name: optional(string) })(value, path) };
};

const imageOrigin: Check<ImageOrigin> = object({
  pageUrl: optional(string), pageTitle: optional(string), imageUrl: optional(string), uploadedName: optional(string),
});

const backendDecision: Check<BackendDecision> = (value, path) => {
  const { key, backend } = object({ key: string, backend: oneOf('webgl', 'wasm', 'cpu') })(value, path);
  return { key, backend, timings: record(record(value, path).timings ?? {}, `${path}.timings`) as BackendDecision['timings'] };
};

const engineStatus: Check<EngineStatus> = object({
  state: oneOf('idle', 'loading', 'warming', 'ready', 'failed'),
  backend: optional(oneOf('webgl', 'wasm', 'cpu')),
  progress: optional(number),
  detail: optional(string),
});

export const glimpseError: Check<GlimpseError> = object({
  code: oneOf(...ERROR_CODES), status: optional(number), detail: optional(string),
});

const engineOptions = object({ backend: backendPreference, decision: optional(backendDecision) });
const empty = object({});

/** Messages each context receives: [payload check, answer type]. */
export interface BackgroundMessages {
  /** Identify an image (content script after a right-click, popup after an upload). */
  identify: { payload: { source: ImageSource; origin: ImageOrigin }; answer: Outcome<HistoryEntry> };
  /** A failure found before the service worker was involved (nothing under the pointer, a protected canvas). */
  'report-error': { payload: { error: GlimpseError; origin: ImageOrigin }; answer: void };
  /** Start loading the model now: a right-click on an image is likely to be followed by "Identify image". */
  warm: { payload: Record<string, never>; answer: EngineStatus };
  /** The offscreen engine reports its state. */
  'engine-status': { payload: { status: EngineStatus; decision?: BackendDecision }; answer: void };
  /** Tests and benchmarks: the engine's counters. */
  'engine-stats': { payload: Record<string, never>; answer: EngineStats };
}

export interface OffscreenMessages {
  classify: {
    payload: { bytes: ArrayBuffer; backend: BackendPreference; decision?: BackendDecision };
    answer: Outcome<Classification>;
  };
  warm: { payload: { backend: BackendPreference; decision?: BackendDecision }; answer: EngineStatus };
  stats: { payload: Record<string, never>; answer: EngineStats };
  /** Benchmarks: bare model.predict on a 1x224x224x3 tensor, ms per run on the loaded backend. */
  'bench-predict': { payload: { runs: number }; answer: { backend: Backend; msPerRun: number } };
  /** Benchmarks: every view's ImageNet logits (choosing the merge rule). */
  'bench-views': { payload: { bytes: ArrayBuffer; backend: BackendPreference; decision?: BackendDecision }; answer: { views: Rect[]; logits: number[][] } };
  /** Benchmarks: the deletion test of one explanation method on one picture. */
  'bench-deletion': {
    payload: { bytes: ArrayBuffer; method: ExplainMethod; seed: number; backend: BackendPreference; decision?: BackendDecision };
    answer: DeletionResult };
}

export interface ContentMessages {
  /** The user chose "Identify image": find what was right-clicked and identify it. */
  'identify-target': { payload: { srcUrl?: string; mediaType?: string }; answer: { accepted: boolean } };
  /** Whether the content script of a frame is running (it loads asynchronously at document start). */
  ping: { payload: Record<string, never>; answer: { ready: true } };
}

export type Destination = 'background' | 'offscreen' | 'content';

export type ProtocolOf<D extends Destination> = D extends 'background'
  ? BackgroundMessages
  : D extends 'offscreen'
    ? OffscreenMessages
    : ContentMessages;

export type PayloadChecks<P> = { [K in keyof P]: Check<P[K] extends { payload: infer Q } ? Q : never> };

export const PAYLOAD_CHECKS: { [D in Destination]: PayloadChecks<ProtocolOf<D>> } = {
  background: {
    identify: object({ source: imageSource, origin: imageOrigin }),
    'report-error': object({ error: glimpseError, origin: imageOrigin }),
    warm: empty as Check<Record<string, never>>,
    'engine-status': object({ status: engineStatus, decision: optional(backendDecision) }),
    'engine-stats': empty as Check<Record<string, never>>,
  },
  offscreen: {
    classify: object({ bytes: arrayBuffer, backend: backendPreference, decision: optional(backendDecision) }),
    warm: engineOptions,
    stats: empty as Check<Record<string, never>>,
    'bench-predict': object({ runs: number }),
    'bench-views': object({ bytes: arrayBuffer, backend: backendPreference, decision: optional(backendDecision) }),
    'bench-deletion': object({
      bytes: arrayBuffer, method: oneOf<ExplainMethod>('grad-cam', 'occlusion', 'smooth-grad'), seed: number,
      backend: backendPreference, decision: optional(backendDecision),
    }),
  },
  content: {
    'identify-target': object({ srcUrl: optional(string), mediaType: optional(string) }),
    ping: empty as Check<Record<string, never>>,
  },
};

export interface Envelope {
  glimpse: 1;
  to: Destination;
  type: string;
  payload: unknown;
}

export const envelope = (to: Destination, type: string, payload: unknown): Envelope => ({ glimpse: 1, to, type, payload });

/** Whether a raw message is a Glimpse envelope addressed to `to` (others are ignored, not answered). */
export function isEnvelopeFor(message: unknown, to: Destination): message is Envelope {
  return typeof message === 'object' && message !== null && (message as Envelope).glimpse === 1 && (message as Envelope).to === to;
}

/** Validates an envelope's payload for its destination; throws InvalidMessage for unknown types or bad shapes. */
export function checkPayload<D extends Destination>(to: D, message: Envelope): unknown {
  const checks = PAYLOAD_CHECKS[to] as Record<string, Check<unknown>>;
  const check = Object.prototype.hasOwnProperty.call(checks, message.type) ? checks[message.type] : undefined;
  if (!check) throw new InvalidMessage(`unknown message type "${message.type}" for ${to}`);
  return check(message.payload, 'payload');
}

