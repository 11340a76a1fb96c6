/**
 * The heat-map's maths, free of the model: per-view maps placed on the picture, normalised,
 * reduced to a small grid of bytes for the page, the popup and history.
 */
import type { Rect } from '../../shared/geometry';

/** A square map (row-major, side x side) over one view's region of the picture. */
export interface ViewMap {
  rect: Rect;
  map: Float32Array;
  side: number;
  /** The view's share of the answer (0..1): a view that did not drive the answer adds little. */
  weight: number;
}

/** Bilinear sample of a side x side map at (u, v) in [0, 1] across it; cell centres hold the values. */
export function sampleMap(map: Float32Array, side: number, u: number, v: number): number {
  const x = Math.min(side - 1, Math.max(0, u * side - 0.5));
  const y = Math.min(side - 1, Math.max(0, v * side - 0.5));
  const x0 = Math.floor(x);
  const y0 = Math.floor(y);
  const x1 = Math.min(side - 1, x0 + 1);
  const y1 = Math.min(side - 1, y0 + 1);
  const fx = x - x0;
  const fy = y - y0;
  const at = (cx: number, cy: number) => map[cy * side + cx]!;
  return (at(x0, y0) * (1 - fx) + at(x1, y0) * fx) * (1 - fy) + (at(x0, y1) * (1 - fx) + at(x1, y1) * fx) * fy;
}

/**
 * Paints view maps onto an outWidth x outHeight grid over a width x height picture: each grid
 * cell takes, at its centre, the strongest weighted value of the views covering it; parts no
 * view covers stay 0 (the model never saw them).
 */
export function paintViews(views: ViewMap[], width: number, height: number, outWidth: number, outHeight: number): Float32Array {
  const out = new Float32Array(outWidth * outHeight);
  for (let gy = 0; gy < outHeight; gy++) {
    const y = ((gy + 0.5) / outHeight) * height;
    for (let gx = 0; gx < outWidth; gx++) {
      const x = ((gx + 0.5) / outWidth) * width;
      let best = 0;
      for (const { rect, map, side, weight } of views) {
        const u = (x - rect.x) / rect.width;
        const v = (y - rect.y) / rect.height;
        if (u < 0 || u > 1 || v < 0 || v > 1) continue;
        best = Math.max(best, weight * sampleMap(map, side, u, v));
      }
      out[gy * outWidth + gx] = best;
    }
  }
  return out;
}

/** Scales a map into [0, 1] by its largest value (negative values clip to 0; an all-zero map stays 0). */
export function normalise(map: Float32Array): Float32Array {
  let max = 0;
  for (const v of map) if (v > max) max = v;
  return map.map((v) => (max > 0 && v > 0 ? v / max : 0));
}

/** The grid a picture's map is kept at: its aspect ratio, the longer side `longSide` cells. */
export function gridSize(width: number, height: number, longSide = 48): { width: number; height: number } {
  const scale = longSide / Math.max(width, height);
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}

/** Values in [0, 1] -> bytes 0..255 (255 = most important). */
export const toBytes = (map: Float32Array): Uint8Array => Uint8Array.from(map, (v) => Math.round(Math.min(1, Math.max(0, v)) * 255));

/**
 * The deletion test's masks over a size x size input: the hottest `fraction` of pixels by the
 * map, and the same fraction of randomly chosen cells of a `cells` x `cells` grid.
 */
export function hottestMask(map: Float32Array, side: number, size: number, fraction: number): Uint8Array {
  const values = new Float32Array(size * size);
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) values[y * size + x] = sampleMap(map, side, (x + 0.5) / size, (y + 0.5) / size);
  const order = [...values.keys()].sort((a, b) => values[b]! - values[a]!);
  const mask = new Uint8Array(size * size);
  for (const i of order.slice(0, Math.round(fraction * size * size))) mask[i] = 1;
  return mask;
}

export function randomCellMask(size: number, cells: number, fraction: number, random: () => number): Uint8Array {
  const ids = [...Array(cells * cells).keys()];
  for (let i = ids.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [ids[i], ids[j]] = [ids[j]!, ids[i]!];
  }
  const mask = new Uint8Array(size * size);
  const cell = size / cells;
  for (const id of ids.slice(0, Math.round(fraction * cells * cells))) {
    const cx = id % cells;
    const cy = Math.floor(id / cells);
    for (let y = Math.round(cy * cell); y < Math.round((cy + 1) * cell); y++) {
      for (let x = Math.round(cx * cell); x < Math.round((cx + 1) * cell); x++) mask[y * size + x] = 1;
    }
  }
  return mask;
}

/** One random square of `fraction` of the area (a blob, like the hottest region usually is). */
export function randomSquareMask(size: number, fraction: number, random: () => number): Uint8Array {
  const side = Math.round(Math.sqrt(fraction) * size);
  const x0 = Math.floor(random() * (size - side + 1));
  const y0 = Math.floor(random() * (size - side + 1));
  const mask = new Uint8Array(size * size);
  for (let y = y0; y < y0 + side; y++) mask.fill(1, y * size + x0, y * size + x0 + side);
  return mask;
}
