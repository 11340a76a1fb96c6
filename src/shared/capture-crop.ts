/**
 * Where an area of the screen lies in a capture of the tab, and the size its crop is made at.
 * The service worker cuts crops by it, and so does the engine when it is handed a page scan's
 * whole capture: both cut the same pixels.
 */
import { fitWithin } from './geometry';
import type { ScreenArea } from './picture-source';

/** Crops are made no larger than this on a side (the model looks at 224x224). */
export const MAX_CROP_SIDE = 1024;

export interface DeviceRect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** The device-pixel rectangle of `area` inside a capture, clipped to it. */
export function deviceRect(area: ScreenArea, capture: { width: number; height: number }): DeviceRect {
  const left = Math.max(0, Math.round(area.left * area.dpr));
  const top = Math.max(0, Math.round(area.top * area.dpr));
  const right = Math.min(capture.width, Math.round((area.left + area.width) * area.dpr));
  const bottom = Math.min(capture.height, Math.round((area.top + area.height) * area.dpr));
  return { left, top, width: Math.max(0, right - left), height: Math.max(0, bottom - top) };
}

/** What to cut out of a capture for `area` and the size to draw it at; undefined when none of it is in the capture. */
export function cropOf(area: ScreenArea, capture: { width: number; height: number }): { from: DeviceRect; width: number; height: number } | undefined {
  const from = deviceRect(area, capture);
  if (from.width < 1 || from.height < 1) return undefined;
  return { from, ...fitWithin(from.width, from.height, MAX_CROP_SIDE) };
}
