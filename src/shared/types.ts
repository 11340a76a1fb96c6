import type { GlimpseError } from './errors';

export type Backend = 'webgl' | 'wasm' | 'cpu';
export type BackendPreference = Backend | 'auto';
export const BACKENDS: readonly Backend[] = ['webgl', 'wasm', 'cpu'];

/** How the pixels that were identified reached the engine (kept in history). */
export type Via = 'download' | 'page' | 'capture' | 'region' | 'upload';
export const VIAS: readonly Via[] = ['download', 'page', 'capture', 'region', 'upload'];

/** A part of the visible tab, in CSS pixels of the top frame's viewport; `dpr` turns them into device pixels. */
export interface ScreenArea {
  left: number;
  top: number;
  width: number;
  height: number;
  dpr: number;
}

/** Which part of a picture (0..1 of its width and height) an on-screen area shows. */
export interface PicturePart {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Where a picture is seen on screen: enough to capture it, or to check a download against it. */
export interface OnScreen {
  area: ScreenArea;
  part: PicturePart;
}

/**
 * Where an image's pixels come from. A 'url' is read from the screen when it is shown large
 * enough (`onScreen`), else downloaded by the service worker; 'screen' is a part of the visible
 * tab (a region the user selected, or a picture the page may not read). `offScreen` says the
 * picture is shown fine but not where the user can see it now (scrolled away, hidden).
 */
export type ImageSource =
  | { kind: 'url'; url: string; onScreen?: OnScreen; offScreen?: boolean }
  | { kind: 'bytes'; bytes: ArrayBuffer; mimeType: string; name?: string }
  | { kind: 'screen'; area: ScreenArea; region?: boolean };

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
}

/** An answer as kept in history. */
export interface HistoryEntry extends Classification {
  id: string;
  createdAt: number;
  origin: ImageOrigin;
  /** How the pixels came (absent in entries older than this field). */
  via?: Via;
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
