/**
 * "Identify live" from the service worker's side: tell the clicked frame to follow its video, and
 * give it frames from the screen when the page does not let it read the video's own pixels.
 */
import type { Tabs } from 'webextension-polyfill';
import { fail, toGlimpseError } from '../shared/errors';
import { LIVE_FRAME_SIDE } from '../shared/live';
import { sendToFrame } from '../shared/messaging';
import type { Outcome, RawFrame, ScreenArea } from '../shared/types';
import { captureTab } from './capture';
import { deviceRect } from '../shared/capture-crop';
import { injectContentScript } from './inject';

export async function startLive(tabId: number, frameId: number): Promise<void> {
  const ask = () => sendToFrame(tabId, frameId, 'identify-live', {}).then((r) => r.accepted, () => false);
  if (await ask()) return;
  if (await injectContentScript(tabId, frameId)) await ask();
}

/** The centred square of `area` in a capture of the tab, as the model's RGBA input (within the capture limit of capture.ts). */
export async function captureFrame(tab: Tabs.Tab | undefined, area: ScreenArea): Promise<Outcome<RawFrame>> {
  try {
    if (tab?.id === undefined || tab.windowId === undefined) return fail('off-screen', { detail: 'no tab to capture' });
    const bitmap = await captureTab(tab.id, tab.windowId);
    const rect = deviceRect(area, bitmap);
    if (rect.width < 1 || rect.height < 1) fail('off-screen', { detail: 'the video is outside the visible tab' });
    const side = Math.min(rect.width, rect.height);
    const canvas = new OffscreenCanvas(LIVE_FRAME_SIDE, LIVE_FRAME_SIDE);
    const context = canvas.getContext('2d', { willReadFrequently: true })!;
    context.imageSmoothingQuality = 'medium';
    context.drawImage(bitmap, rect.left + (rect.width - side) / 2, rect.top + (rect.height - side) / 2, side, side, 0, 0, LIVE_FRAME_SIDE, LIVE_FRAME_SIDE);
    const pixels = context.getImageData(0, 0, LIVE_FRAME_SIDE, LIVE_FRAME_SIDE).data.buffer as ArrayBuffer;
    return { ok: true, value: { pixels, width: LIVE_FRAME_SIDE, height: LIVE_FRAME_SIDE } };
  } catch (error) {
    return { ok: false, error: toGlimpseError(error) };
  }
}

