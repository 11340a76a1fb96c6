/** Where a picture is and where its pixels come from, as they cross contexts (checks, and the types derived from them). */
import { arrayBuffer, boolean, number, object, optional, string, variant, type Infer } from './validate';

/** A part of the visible tab, in CSS pixels of the top frame's viewport; `dpr` turns them into device pixels. */
export const screenArea = object({ left: number, top: number, width: number, height: number, dpr: number });
export type ScreenArea = Infer<typeof screenArea>;

/** Which part of a picture (0..1 of its width and height) an on-screen area shows. */
export const picturePart = object({ x: number, y: number, width: number, height: number });
export type PicturePart = Infer<typeof picturePart>;

/**
 * Where a picture is seen on screen: enough to capture it, or to check a download against it.
 * `inView`: how much (0..1) of the picture as the page shows it (its element's box) is in view.
 */
export const onScreen = object({ area: screenArea, part: picturePart, inView: optional(number) });
export type OnScreen = Infer<typeof onScreen>;

/**
 * Where an image's pixels come from. A 'url' is read from the screen when it is shown large
 * enough (`onScreen`), else downloaded by the service worker; 'screen' is a part of the visible
 * tab (a region the user selected, or a picture the page may not read). `offScreen` says the
 * picture is shown fine but not where the user can see it now (scrolled away, hidden). `shot`: the
 * capture of that area the page's side already asked for (background 'capture'), taken when it
 * knew where the picture was. 'held': pixels the page read at the right-click and handed to the
 * worker then (background 'hold-pixels'), named by the id it was given.
 */
export const imageSource = variant('kind', {
  url: object({ url: string, onScreen: optional(onScreen), offScreen: optional(boolean), shot: optional(string) }),
  bytes: object({ bytes: arrayBuffer, mimeType: string, name: optional(string) }),
  screen: object({ area: screenArea, region: optional(boolean), shot: optional(string) }),
  held: object({ id: string }),
});
export type ImageSource = Infer<typeof imageSource>;

/** The page (or upload) an image came from, for history. */
export const imageOrigin = object({
  pageUrl: optional(string), pageTitle: optional(string), uploadedName: optional(string),
  /** The image's own address when it has one worth keeping (not data:/blob:). */
  imageUrl: optional(string),
});
export type ImageOrigin = Infer<typeof imageOrigin>;

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
