import { fail, GlimpseFailure } from '../../shared/errors';
import { LIMITS } from '../../shared/limits';
import type { ImageSource, OnScreen } from '../../shared/types';
import { shownBackgroundUrl } from '../find/css-background';
import type { ImageTarget } from '../find/image-target';
import { isShowing, isWhole, pagePixelsOf } from './page-pixels';
import { readCanvas, readImagePixels, readVideoFrame } from './read-pixels';
import { readInlineSvg } from './read-svg';
import { sightingOf, type CoverCheck } from './screen-area';
import { PageKeptMoving, shootSteadily, type Measure, type Shot } from './screen-shots';

/** The whole picture: the part a screen area read as it is shows of itself. */
const FULL_PART = { x: 0, y: 0, width: 1, height: 1 };

export interface ReadOptions {
  /** What counts as covering the picture (a page scan finds the page's bars once for a whole screenful). */
  covered?: CoverCheck;
  /**
   * Capture a picture read from the screen now, from the page's side (default). A page scan
   * passes false: it captures a whole screenful at once (scan/screenful.ts).
   */
  shoot?: boolean;
  /**
   * Check first that an <img> was decoded whole (default). A page scan passes false and checks
   * with `wholeCheckOf` while its capture is taken, dropping what it read of a picture that was not.
   */
  checkWhole?: boolean;
}

async function fetchBlobUrl(url: string): Promise<ImageSource> {
  let blob: Blob;
  try {
    blob = await (await fetch(url)).blob();
  } catch (error) {
    return fail('unreadable', { detail: `blob URL: ${String(error)}` });
  }
  if (blob.size > LIMITS.maxImageBytes) fail('too-large', { detail: `${blob.size} bytes` });
  return { kind: 'bytes', bytes: await blob.arrayBuffer(), mimeType: blob.type };
}

/**
 * blob: URLs belong to the page, so the page's side (this script) reads them. Pages often
 * revoke the URL once the picture has loaded: then the picture on screen is read instead.
 */
async function readBlobUrl(url: string, element: Element | undefined): Promise<ImageSource> {
  try {
    return await fetchBlobUrl(url);
  } catch (error) {
    const isImg = element?.localName === 'img';
    if (!isImg || !(error instanceof GlimpseFailure) || error.error.code !== 'unreadable') throw error;
    return readImagePixels(element as HTMLImageElement);
  }
}

/**
 * Whether the page shows the picture at `url` in `element` (so what is on screen is that
 * picture): not for a lazy loader's placeholder standing in for it, nor a broken image.
 */
function showsUrl(element: Element, url: string): boolean {
  if (element.localName === 'img') return isShowing(element as HTMLImageElement, url);
  if (element.localName === 'input' || element.namespaceURI === 'http://www.w3.org/2000/svg') return true;
  // An <object>/<embed> showing a picture draws it in its own box (Chromium keeps no frame for it): seen when it has a box.
  if (element.localName === 'object' || element.localName === 'embed') {
    const { width, height } = element.getBoundingClientRect();
    return width > 0 && height > 0;
  }
  if (element.localName === 'video') return false; // a video's poster address while it plays a frame is not what is shown
  return shownBackgroundUrl(element) === url;
}

/**
 * A picture the page may not read (another site's canvas or video) is read off the screen
 * when it is visible; else the page's refusal stands.
 */
async function orFromScreen(read: () => Promise<ImageSource>, element: Element, { covered, shoot = true }: ReadOptions): Promise<ImageSource> {
  try {
    return await read();
  } catch (error) {
    if (!(error instanceof GlimpseFailure) || error.error.code !== 'unreadable') throw error;
    const { onScreen } = await sightingOf(element, covered);
    if (!onScreen) throw error;
    const source: ImageSource = { kind: 'screen', area: onScreen.area };
    if (!shoot) return source;
    const shot = await shotOf(element, source);
    if (shot === null) throw error;
    return withShot(source, shot) ?? source;
  }
}

const placeOf = async (element: Element, covered?: CoverCheck) => (await sightingOf(element, covered)).onScreen;

/**
 * Where a picture read from the screen is now, measured again around its capture (undefined:
 * no longer on screen, or no longer showing what was read), and where it was measured first.
 * Undefined for a source that is not read from the screen. `covered`: as for readImageSource.
 */
export function screenPlace(element: Element, source: ImageSource, covered?: CoverCheck): { measure: Measure<OnScreen>; first: OnScreen } | undefined {
  if (source.kind === 'screen') return { measure: () => placeOf(element, covered), first: { area: source.area, part: FULL_PART } };
  if (source.kind === 'url' && source.onScreen) {
    const { url } = source;
    return { measure: async () => (showsUrl(element, url) ? placeOf(element, covered) : undefined), first: source.onScreen };
  }
  return undefined;
}

/**
 * The source with the shot taken of it, where the shot shows it (the page may have moved it
 * since it was first measured): `null` when it left the screen before the capture (a picture
 * with an address is then what the user asked about; a screen area has nothing left to read:
 * undefined), `undefined` when no capture could be taken from here (the worker captures).
 */
export function withShot(source: ImageSource, shot: Shot<OnScreen> | null | undefined): ImageSource | undefined {
  if (source.kind !== 'url' && source.kind !== 'screen') return source;
  if (shot === null) return source.kind === 'url' ? { kind: 'url', url: source.url, offScreen: true } : undefined;
  if (!shot) return source;
  return source.kind === 'url' ? { ...source, onScreen: shot.place, shot: shot.id } : { ...source, area: shot.place.area, shot: shot.id };
}

/**
 * A picture shown on screen is captured now, from the page's side (see screen-shots.ts), so the
 * service worker crops what the user saw when they asked, wherever the page has moved it since:
 * its shot, null when it left the screen meanwhile, undefined when no capture could be taken
 * from here (only the visible tab is captured; the worker then captures by itself).
 */
async function shotOf(element: Element, source: ImageSource): Promise<Shot<OnScreen> | null | undefined> {
  const place = screenPlace(element, source);
  if (!place || document.visibilityState !== 'visible') return undefined;
  try {
    const [shot] = await shootSteadily([place.measure], [place.first]);
    return shot ?? null;
  } catch (error) {
    if (error instanceof PageKeptMoving) throw error;
    return undefined;
  }
}

/**
 * The check that the browser decoded the whole of the picture, for an <img> whose pixels would be
 * read from the page or the screen (undefined for anything else). A picture that was not is
 * sent as its address: its bytes decide (`notWhole`).
 */
export function wholeCheckOf(target: ImageTarget): (() => Promise<boolean>) | undefined {
  if (target.kind !== 'url' || target.element?.localName !== 'img' || /^(blob|data):/i.test(target.url)) return undefined;
  const img = target.element as HTMLImageElement;
  return () => isWhole(img);
}

/** What is sent for a picture the browser did not decode whole. */
export const notWhole = (url: string): ImageSource => ({ kind: 'url', url });

/**
 * Turns what was right-clicked into what the service worker identifies, reading the picture
 * the user sees with no request when possible: pixels the page holds and may read (its own
 * images, canvases, video frames, blob: and data: pictures) go as bytes; a web address goes with
 * where the picture is on screen, so the worker can capture it there (or, if it is off screen or
 * too small to read well, download it and check the download against what is on screen).
 * `covered`: how to tell which rows of it the page's bars cover (a page scan finds them once).
 */
export async function readImageSource(target: ImageTarget, options: ReadOptions = {}): Promise<ImageSource> {
  switch (target.kind) {
    case 'url': {
      if (/^blob:/i.test(target.url)) return readBlobUrl(target.url, target.element);
      if (!target.element) return { kind: 'url', url: target.url };
      // A data: image's bytes are already here, whole; a data: picture shown as a CSS background (an
      // inline sprite sheet) is read where it is seen: one tile, not the sheet.
      if (/^data:/i.test(target.url) && target.element.localName === 'img') return { kind: 'url', url: target.url };
      if (options.checkWhole !== false && !(await (wholeCheckOf(target)?.() ?? true))) return notWhole(target.url);
      const fromPage = await pagePixelsOf(target.element, target.url);
      if (fromPage) return fromPage;
      if (!showsUrl(target.element, target.url)) return { kind: 'url', url: target.url };
      const sighted: ImageSource = { kind: 'url', url: target.url, ...(await sightingOf(target.element, options.covered)) };
      return options.shoot === false ? sighted : withShot(sighted, await shotOf(target.element, sighted)) ?? sighted;
    }
    case 'canvas':
      return orFromScreen(() => readCanvas(target.element), target.element, options);
    case 'video':
      return orFromScreen(() => readVideoFrame(target.element), target.element, options);
    case 'svg':
      return readInlineSvg(target.element);
  }
}
