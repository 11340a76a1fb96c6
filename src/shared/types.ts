import type { GlimpseError } from './errors';

export type Backend = 'webgl' | 'wasm' | 'cpu';
export type BackendPreference = Backend | 'auto';
export const BACKENDS: readonly Backend[] = ['webgl', 'wasm', 'cpu'];

/** Where an image's bytes come from. URLs are fetched by the service worker. */
export type ImageSource =
  | { kind: 'url'; url: string }
  | { kind: 'bytes'; bytes: ArrayBuffer; mimeType: string; name?: string };

/** The page (or upload) an image came from, for history. */
export interface ImageOrigin {
  pageUrl?: string;
  pageTitle?: string;
  /** The image's own address when it has one worth keeping (not data:/blob:). */
  imageUrl?: string;
  uploadedName?: string;
}

export interface Prediction {
  label: string;
  synonyms: string[];
  /** Standard ImageNet index, 0..999. */
  classIndex: number;
  probability: number;
}

/** What the engine says about one image. */
export interface Classification {
  predictions: Prediction[];
  backend: Backend;
  /** Model time only. */
  inferenceMs: number;
  /** Decode, preprocessing, model and ranking: the engine's whole path for these bytes. */
  totalMs: number;
  width: number;
  height: number;
  /** Small JPEG data URL for history and the popup. */
  thumbnail: string;
  /** Where the model looked for its top answer (answers from before it existed have none). */
  explanation?: Explanation;
}

/**
 * A heat-map of the picture: which parts drove the top answer. A small grid at the picture's
 * aspect ratio; each cell a byte, 255 = mattered most, 0 = did not matter or was not looked at.
 */
export interface Explanation {
  method: 'grad-cam';
  /** The class it explains: the answer's top-1. */
  classIndex: number;
  width: number;
  height: number;
  /** width x height bytes, row by row from the top left, base64. */
  cells: string;
}

/** An answer as kept in history. */
export interface HistoryEntry extends Classification {
  id: string;
  createdAt: number;
  origin: ImageOrigin;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: GlimpseError };

export type EngineState = 'idle' | 'loading' | 'warming' | 'ready' | 'failed';

export interface EngineStatus {
  state: EngineState;
  backend?: Backend;
  /** 0..1 while loading the model. */
  progress?: number;
  detail?: string;
}

/** The backend choice the engine made, keyed by what it was made on (GPU + library version). */
export interface BackendDecision {
  key: string;
  backend: Backend;
  /** Warm ms per image measured for each candidate tried. */
  timings: Partial<Record<Backend, number>>;
}

export interface EngineStats {
  numTensors: number;
  numBytes: number;
  backend?: Backend;
  modelLoads: number;
  classified: number;
  queued: number;
}

/** The latest outcome the popup shows first: an entry in history, or why it failed. */
export type LatestOutcome =
  | { kind: 'answer'; entryId: string; at: number }
  | { kind: 'error'; error: GlimpseError; at: number; origin: ImageOrigin }
  | { kind: 'working'; at: number; origin: ImageOrigin };

/** How a heat-map is made (occlusion and smooth-grad exist for the benchmarks that chose between them). */
export type ExplainMethod = 'grad-cam' | 'occlusion' | 'smooth-grad';

/** Benchmarks: the deletion test of one method on one picture (top-1 probability before and after blanking 20 %). */
export interface DeletionResult {
  method: ExplainMethod;
  classIndex: number;
  p: number;
  pHot: number;
  /** After blanking one random square of 20 % of the area. */
  pRandom: number;
  /** After blanking 20 % of the view's 32-pixel cells, chosen at random (scattered). */
  pRandomCells: number;
  ms: number;
  error?: string;
}
