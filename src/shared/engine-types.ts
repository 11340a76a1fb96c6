/** The engine's settings and state as they cross contexts (checks, and the types derived from them). */
import { modelRequest } from './custom-models';
import { number, object, oneOf, optional, partialRecord, string, type Infer } from './validate';

export const BACKENDS = ['webgl', 'wasm', 'cpu'] as const;
export type Backend = (typeof BACKENDS)[number];
export const BACKEND_PREFERENCES = ['auto', ...BACKENDS] as const;
export type BackendPreference = (typeof BACKEND_PREFERENCES)[number];
export const ENGINE_STATES = ['idle', 'loading', 'warming', 'ready', 'failed'] as const;

export const backend = oneOf(BACKENDS);
export const backendPreference = oneOf(BACKEND_PREFERENCES);

export const engineStatus = object({
  state: oneOf(ENGINE_STATES),
  backend: optional(backend),
  /** 0..1 while loading the model. */
  progress: optional(number),
  /** WASM only: the threads the model runs on (1: the single-threaded build, e.g. without cross-origin isolation). */
  threads: optional(number),
  detail: optional(string),
});
export type EngineStatus = Infer<typeof engineStatus>;

/** The backend choice the engine made, keyed by what it was made on (GPU + library version). */
export const backendDecision = object({
  key: string,
  backend,
  /** Warm ms per image measured for each candidate tried. */
  timings: partialRecord(BACKENDS, number),
});
export type BackendDecision = Infer<typeof backendDecision>;

/** How the background asks the engine to run (sent with every request). */
export const ENGINE_OPTION_FIELDS = {
  backend: backendPreference,
  decision: optional(backendDecision),
  /** Most WASM threads to use (absent: chosen from the machine). Takes effect when the engine document starts. */
  maxThreads: optional(number),
  /** The model that answers (absent: ImageNet): the user's choice, with what the engine needs of it. */
  model: optional(modelRequest),
};
export const engineOptions = object(ENGINE_OPTION_FIELDS);
export type EngineOptions = Infer<typeof engineOptions>;

export interface EngineStats {
  numTensors: number;
  numBytes: number;
  backend?: Backend;
  modelLoads: number;
  classified: number;
  /** Model runs that answered them: fewer than `classified` when waiting images went through together. */
  batches: number;
  queued: number;
}
