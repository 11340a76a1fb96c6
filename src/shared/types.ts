/**
 * The shapes that cross Glimpse's contexts (messages and storage). What arrives from elsewhere is
 * declared as a check and its type derived from it; every enumeration is one `as const` array.
 */
import { glimpseError, type GlimpseError } from './errors';
import { modelRequest, type AnswerModel } from './custom-models';
import {
  arrayBuffer, boolean, number, object, oneOf, optional, partialRecord, string, variant, type Infer,
} from './validate';

export const BACKENDS = ['webgl', 'wasm', 'cpu'] as const;
export type Backend = (typeof BACKENDS)[number];
export const BACKEND_PREFERENCES = ['auto', ...BACKENDS] as const;
export type BackendPreference = (typeof BACKEND_PREFERENCES)[number];
export const ENGINE_STATES = ['idle', 'loading', 'warming', 'ready', 'failed'] as const;
/** How the pixels of an identified picture were obtained. */
export const VIAS = ['download', 'page', 'capture', 'region', 'upload'] as const;
export type Via = (typeof VIAS)[number];

export const backend = oneOf(BACKENDS);
export const backendPreference = oneOf(BACKEND_PREFERENCES);

/** A part of the visible tab, in CSS pixels of the top frame's viewport; `dpr` turns them into device pixels. */
export const screenArea = object({ left: number, top: number, width: number, height: number, dpr: number });
export type ScreenArea = Infer<typeof screenArea>;

/** Which part of a picture (0..1 of its width and height) an on-screen area shows. */
export const picturePart = object({ x: number, y: number, width: number, height: number });
export type PicturePart = Infer<typeof picturePart>;

/** Where a picture is seen on screen: enough to capture it, or to check a download against it. */
export const onScreen = object({ area: screenArea, part: picturePart });
export type OnScreen = Infer<typeof onScreen>;

/**
 * Where an image's pixels come from. A 'url' is read from the screen when it is shown large
 * enough (`onScreen`), else downloaded by the service worker; 'screen' is a part of the visible
 * tab (a region the user selected, or a picture the page may not read). `offScreen` says the
 * picture is shown fine but not where the user can see it now (scrolled away, hidden). `shot`: the
 * capture of that area the page's side already asked for (background 'capture'), taken when it
 * knew where the picture was.
 */
export const imageSource = variant('kind', {
  url: object({ url: string, onScreen: optional(onScreen), offScreen: optional(boolean), shot: optional(string) }),
  bytes: object({ bytes: arrayBuffer, mimeType: string, name: optional(string) }),
  screen: object({ area: screenArea, region: optional(boolean), shot: optional(string) }),
});
export type ImageSource = Infer<typeof imageSource>;

/** The page (or upload) an image came from, for history. */
export const imageOrigin = object({
  pageUrl: optional(string), pageTitle: optional(string), uploadedName: optional(string),
  /** The image's own address when it has one worth keeping (not data:/blob:). */
  imageUrl: optional(string),
});
export type ImageOrigin = Infer<typeof imageOrigin>;

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

/** The latest outcome the popup shows first: an entry in history, or why it failed. */
export const latestOutcome = variant('kind', {
  answer: object({ entryId: string, at: number }),
  error: object({ error: glimpseError, at: number, origin: imageOrigin }),
  working: object({ at: number, origin: imageOrigin }),
});
export type LatestOutcome = Infer<typeof latestOutcome>;

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
  /** How much neighbouring pixels agree, 0..1 (near 0: random noise); see shared/structure.ts. */
  structure?: number;
  /** Where the model looked for its top answer (answers from before it existed have none). */
  explanation?: Explanation;
  /** The class's own model that answered (absent: ImageNet); its predictions' classIndex is then -1. */
  model?: AnswerModel;
  /** Set when the engine judged the picture not a photo of a thing, with what it looks like (src/offscreen/picture-kind.ts). */
  notPhoto?: NotPhotoKind;
  /** The colour and edge statistics that judgement was made from (src/offscreen/picture-stats.ts). */
  pictureStats?: PictureStats;
}

/** What a picture that is not a photo of a thing looks like; 'graphic' when the kind is unclear. */
export const NOT_PHOTO_KINDS = ['chart', 'diagram', 'drawing', 'text', 'screenshot', 'map', 'table', 'graphic'] as const;
export type NotPhotoKind = (typeof NOT_PHOTO_KINDS)[number];

/** Colour and edge statistics of the model's view, each a share 0..1 (src/offscreen/picture-stats.ts). */
export interface PictureStats {
  /** Pixels equal (within 2 levels per channel) to both their right and lower neighbours. */
  flat: number;
  /** Pixels in the 8 most common colours (5 bits per channel). */
  topColours: number;
  /** Pixels with no colour (max - min channel under 16 levels). */
  grey: number;
  /** Pixels on a sharp edge (a jump of over 64 levels to the right or lower neighbour). */
  edges: number;
  /** Of the sharp-edge pixels, those whose jump is along one axis only (horizontal or vertical lines). */
  straight: number;
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

/** An answer as kept in history (schema version and migrations: HISTORY_VERSION in history-store.ts). */
export interface HistoryEntry extends Classification {
  id: string;
  createdAt: number;
  origin: ImageOrigin;
  /** How the pixels were obtained (absent in entries from before it was recorded: a download or an upload). */
  via?: Via;
  /** Menu click to answer, as the user waited for it. */
  waitedMs?: number;
  /** The page scan this answer belongs to, when it came from "identify all pictures". */
  scanId?: string;
  /** The "Why?" explanation of the top answer, when one was made. */
  explanation?: Explanation;
  /** The things found in the picture (absent: never looked for, as in entries from before detection). */
  objects?: FoundObject[];
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; error: GlimpseError };

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
/** One thing found in a picture (detection: src/offscreen/detect/). */
export interface FoundObject {
  /** Its plain name: a fine ImageNet name when the classifier was sure ("Kerry blue terrier"), else the COCO one ("dog"). */
  name: string;
  /** Its COCO class ("dog"), whatever the name shown. */
  coco: string;
  /** How sure, 0..1 (the detector's score, raised when the classifier agrees). */
  score: number;
  /** Where it is: [x0, y0, x1, y1] in the picture's own pixels (its `width` x `height`). */
  box: [number, number, number, number];
  /** The ImageNet class the fine name comes from, when it has one. */
  classIndex?: number;
}

/** What detection found in one picture. */
export interface Detection {
  objects: FoundObject[];
  width: number;
  height: number;
  /** The whole detection path for these bytes (decode, detector views, crops). */
  totalMs: number;
  backend: Backend;
  /** Where the time went: the detector's runs (one per view) and the classifier's batch of crops. */
  steps?: { views: number; detectorMs: number; crops: number; classifierMs: number };
}

/**
 * A camera or video frame as raw pixels (RGBA, row by row), sent to the engine as they are: no
 * encoding, no decoding. At the model's size (LIVE_FRAME_SIDE square) it goes straight in; any
 * other size is scaled first.
 */
export const rawFrame = object({
  pixels: arrayBuffer,
  width: number,
  height: number,
  /** Which model answers (absent: ImageNet's MobileNetV2); room for a chosen model (Teachable Machine, taught classes). */
  model: optional(string),
});
export type RawFrame = Infer<typeof rawFrame>;

/** The engine's answer for one live frame: no thumbnail, no heat-map (boxes, when detection exists, go here too). */
export interface FrameAnswer {
  /** The best guesses, best first (more than the card's five: smoothing adds them up over frames). */
  predictions: Prediction[];
  /** How much neighbouring pixels agree (see shared/structure.ts). */
  structure: number;
  backend: Backend;
  /** Model time only. */
  inferenceMs: number;
  /** Pixels to answer, in the engine. */
  totalMs: number;
}
