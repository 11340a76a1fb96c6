/**
 * Where the pixels of an identification come from. The picture on screen is the truth: it is
 * read without any request whenever it can be (the page's own pixels, then a capture of the
 * visible tab); a download happens only for a picture that is off screen, mostly hidden or shown
 * too small, and is checked against what is on screen when any of it is.
 */
import type { Tabs } from 'webextension-polyfill';
import { decodeDataUrl } from './data-url';
import { fail, GlimpseFailure } from '../shared/errors';
import { greyLevels, isSamePicture, shrinkGrid, SIGNATURE_GRID } from './perceptual';
import { neverContactServers } from '../shared/store';
import type { ImageSource, PicturePart, ScreenArea, Via } from '../shared/types';
import { captureArea, cropArea, takeCrop, type ShotCrop } from './capture';
import { takeHeld } from './held-pixels';
import { readableFromScreen } from './screen-enough';
import { fetchImageBytes } from './fetch-image';

export interface Pixels {
  bytes: ArrayBuffer;
  via: Via;
}

/**
 * Pixels the engine already holds (a picture it cut from a page scan's capture, which it was
 * sent whole): their bytes are made here only when the engine has lost them.
 */
export interface EnginePixels {
  engineHas: string;
  bytes(): Promise<ArrayBuffer>;
  via: Via;
}

/** Who asked: the tab a web page's request came from (none for the popup's uploads). */
export interface Requester {
  tab?: Tabs.Tab;
  /** A capture already shared by several requests (a page scan's screenful, shot.ts); else one is taken. */
  screen?: () => Promise<ImageBitmap>;
}

const canCapture = (requester: Requester): requester is Requester & { tab: Tabs.Tab & { id: number; windowId: number } } =>
  requester.tab?.id !== undefined && requester.tab.id >= 0 && requester.tab.windowId !== undefined && requester.tab.active === true;

/** The picture's area as on screen: the shot the page's side took when it knew where it was, else a capture now. */
async function capture(requester: Requester, area: ScreenArea, shot: string | undefined): Promise<ShotCrop> {
  if (!canCapture(requester)) return fail('off-screen', { detail: 'the tab is not the visible one' });
  if (shot !== undefined) {
    try {
      return await takeCrop(shot, requester.tab.id);
    } catch {
      // Gone with a worker that was stopped and started again (the page asks again): capture now.
    }
  }
  const bytes = requester.screen ? cropArea(await requester.screen(), area) : await captureArea(requester.tab.id, requester.tab.windowId, area);
  return { bytes: async () => bytes };
}

/** A capture's crop as pixels: the engine's, when it holds them. */
const fromScreen = async (crop: ShotCrop, via: Via): Promise<Pixels | EnginePixels> =>
  crop.engineHas !== undefined ? { engineHas: crop.engineHas, bytes: crop.bytes, via } : { bytes: await crop.bytes(), via };

async function signature(source: ImageBitmap, rect: { left: number; top: number; width: number; height: number }): Promise<Float32Array> {
  const small = await createImageBitmap(source, rect.left, rect.top, Math.max(1, rect.width), Math.max(1, rect.height), {
    resizeWidth: SIGNATURE_GRID, resizeHeight: SIGNATURE_GRID, resizeQuality: 'high',
  });
  const canvas = new OffscreenCanvas(SIGNATURE_GRID, SIGNATURE_GRID);
  const context = canvas.getContext('2d')!;
  context.drawImage(small, 0, 0);
  small.close();
  return shrinkGrid(greyLevels(context.getImageData(0, 0, SIGNATURE_GRID, SIGNATURE_GRID).data));
}

/**
 * Whether downloaded bytes are the picture on screen: the part of the download that the
 * visible area shows, against the capture of that area. Undefined when it cannot be told
 * (a format the worker cannot decode, such as SVG): the download is then trusted.
 */
export async function downloadMatchesScreen(bytes: ArrayBuffer, crop: ArrayBuffer, part: PicturePart): Promise<boolean | undefined> {
  let downloaded: ImageBitmap;
  let screen: ImageBitmap;
  try {
    downloaded = await createImageBitmap(new Blob([bytes]));
  } catch {
    return undefined;
  }
  try {
    screen = await createImageBitmap(new Blob([crop]));
  } catch {
    downloaded.close();
    return undefined;
  }
  try {
    const ofDownload = {
      left: Math.round(part.x * downloaded.width),
      top: Math.round(part.y * downloaded.height),
      width: Math.round(part.width * downloaded.width),
      height: Math.round(part.height * downloaded.height),
    };
    const ofScreen = { left: 0, top: 0, width: screen.width, height: screen.height };
    return isSamePicture(await signature(downloaded, ofDownload), await signature(screen, ofScreen));
  } finally {
    downloaded.close();
    screen.close();
  }
}

async function download(source: Extract<ImageSource, { kind: 'url' }>, requester: Requester): Promise<Pixels> {
  const { url, onScreen, offScreen, shot } = source;
  const visible = canCapture(requester) ? onScreen : undefined;
  // Taken now, while the download runs: what the user sees as they asked.
  const screen = visible ? capture(requester, visible.area, shot).then((crop) => crop.bytes()) : undefined;
  screen?.catch(() => undefined);
  let bytes: ArrayBuffer;
  try {
    bytes = await fetchImageBytes(url);
  } catch (error) {
    if (screen) return { bytes: await screen, via: 'capture' };
    if (offScreen && error instanceof GlimpseFailure && ['http-status', 'network', 'timeout', 'redirect-loop'].includes(error.error.code)) {
      fail('off-screen', { status: error.error.status, detail: `download failed: ${error.message}` });
    }
    throw error;
  }
  // The check against the screen is a check: a capture that failed leaves the download standing.
  const crop = screen && visible ? await screen.catch(() => undefined) : undefined;
  if (crop && visible) {
    if ((await downloadMatchesScreen(bytes, crop, visible.part)) === false) return { bytes: crop, via: 'capture' };
  }
  return { bytes, via: 'download' };
}

/** The pixels to identify for `source`, read the least intrusive way that shows what the user sees. */
export async function pixelsOf(source: ImageSource, requester: Requester): Promise<Pixels> {
  const pixels = await pixelsOrEngines(source, requester);
  return 'engineHas' in pixels ? { bytes: await pixels.bytes(), via: pixels.via } : pixels;
}

/** As pixelsOf, but a crop the engine already holds stays there. */
export async function pixelsOrEngines(source: ImageSource, requester: Requester): Promise<Pixels | EnginePixels> {
  switch (source.kind) {
    case 'bytes':
      return { bytes: source.bytes, via: requester.tab ? 'page' : 'upload' };
    case 'held':
      return { bytes: takeHeld(source.id, requester.tab?.id), via: 'page' };
    case 'screen':
      return fromScreen(await capture(requester, source.area, source.shot), source.region ? 'region' : 'capture');
    case 'url': {
      const { onScreen } = source;
      // A data: address is already in the page: no request, whatever its size. Seen on screen (a
      // CSS background, perhaps one tile of an inline sprite sheet), what is seen is read.
      if (/^data:/i.test(source.url)) {
        if (onScreen && readableFromScreen(onScreen) && canCapture(requester)) return fromScreen(await capture(requester, onScreen.area, source.shot), 'capture');
        return { bytes: decodeDataUrl(source.url).bytes, via: 'page' };
      }
      if (onScreen && readableFromScreen(onScreen) && canCapture(requester)) {
        return fromScreen(await capture(requester, onScreen.area, source.shot), 'capture');
      }
      if (await neverContactServers.getValue()) {
        if (onScreen && canCapture(requester)) return fromScreen(await capture(requester, onScreen.area, source.shot), 'capture');
        return fail('off-screen-no-download');
      }
      return download(source, requester);
    }
  }
}
