/**
 * A page scan's capture of the tab, sent whole with the area of each of its pictures: decoded
 * once, and each picture cut out of it when its batch comes (no crop is encoded, sent or decoded
 * on its own). The capture's bitmap goes once every picture's views are taken or discarded.
 */
import type { ScreenArea } from '../shared/picture-source';
import type { LaterViews, PreparedImage } from './prepare';

export function capturedViews(
  bytes: ArrayBuffer,
  areas: ScreenArea[],
  decode: (bytes: ArrayBuffer) => Promise<ImageBitmap>,
  cut: (capture: ImageBitmap, area: ScreenArea) => Promise<PreparedImage>,
): LaterViews[] {
  if (areas.length === 0) return [];
  const bitmap = decode(bytes);
  bitmap.catch(() => undefined);
  let untaken = areas.length;
  return areas.map((area) => {
    let settled = false;
    const settle = () => {
      if (settled) return;
      settled = true;
      if (--untaken === 0) void bitmap.then((capture) => capture.close(), () => undefined);
    };
    return {
      take: () => bitmap.then((capture) => cut(capture, area)).finally(settle),
      discard: settle,
    };
  });
}
