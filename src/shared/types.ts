/**
 * The shapes that cross Glimpse's contexts (messages and storage): answers and history here, the
 * engine's settings in engine-types.ts, where pictures are and come from in picture-source.ts. What arrives from elsewhere is
 * declared as a check and its type derived from it; every enumeration is one `as const` array.
 */
import { glimpseError, type GlimpseError } from './errors';
import type { AnswerModel } from './custom-models';
import type { Backend } from './engine-types';
import { imageOrigin, type ImageOrigin } from './picture-source';
import { number, object, string, variant, type Infer } from './validate';

// Split by topic; imported from here as one vocabulary.
export * from './engine-types';
export * from './picture-source';

/** How the pixels of an identified picture were obtained. */
export const VIAS = ['download', 'page', 'capture', 'region', 'upload'] as const;
export type Via = (typeof VIAS)[number];

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
  /** How much neighbouring pixels agree, 0..1 (near 0: random noise); see offscreen/structure.ts. */
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

/** The engine's answer for one live frame: no thumbnail, no heat-map (boxes, when detection exists, go here too). */
export interface FrameAnswer {
  /** The best guesses, best first (more than the card's five: smoothing adds them up over frames). */
  predictions: Prediction[];
  /** How much neighbouring pixels agree (see offscreen/structure.ts). */
  structure: number;
  backend: Backend;
  /** Model time only. */
  inferenceMs: number;
  /** Pixels to answer, in the engine. */
  totalMs: number;
}
