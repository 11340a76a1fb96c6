/**
 * Turns an explanation's grid into pixels: viridis (dark purple -> blue -> green -> yellow),
 * readable with every common colour-vision deficiency and in greyscale, translucent so the
 * picture shows through, most opaque where it mattered most.
 */
import type { Explanation } from './types';

/** Viridis at nine evenly spaced stops (matplotlib's values). */
const VIRIDIS: readonly (readonly [number, number, number])[] = [
  [68, 1, 84], [72, 40, 120], [62, 73, 137], [49, 104, 142], [38, 130, 142],
  [31, 158, 137], [53, 183, 121], [110, 206, 88], [253, 231, 37],
];

/** The viridis colour of t in [0, 1]. */
export function viridis(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, t)) * (VIRIDIS.length - 1);
  const i = Math.min(VIRIDIS.length - 2, Math.floor(x));
  const f = x - i;
  const a = VIRIDIS[i]!;
  const b = VIRIDIS[i + 1]!;
  return [0, 1, 2].map((c) => Math.round(a[c]! + (b[c]! - a[c]!) * f)) as [number, number, number];
}

/** The grid's bytes (0..255, 255 = mattered most), row by row. */
export function explanationCells(explanation: Explanation): Uint8Array {
  const binary = atob(explanation.cells);
  const cells = Uint8Array.from(binary, (c) => c.charCodeAt(0));
  if (cells.length !== explanation.width * explanation.height) throw new RangeError('explanation grid has the wrong size');
  return cells;
}

/** RGBA for each cell: viridis colour, alpha from 0.3 (unimportant) to 0.75 (most important). */
export function heatmapRgba(explanation: Explanation): Uint8ClampedArray<ArrayBuffer> {
  const cells = explanationCells(explanation);
  const out = new Uint8ClampedArray(new ArrayBuffer(cells.length * 4));
  cells.forEach((value, i) => {
    const t = value / 255;
    out.set([...viridis(t), Math.round(255 * (0.3 + 0.45 * t))], i * 4);
  });
  return out;
}

/** A canvas of the grid (one pixel per cell); stretched over the picture, the browser smooths it. */
export function heatmapCanvas(explanation: Explanation, doc: Document = document): HTMLCanvasElement {
  const canvas = doc.createElementNS('http://www.w3.org/1999/xhtml', 'canvas') as HTMLCanvasElement;
  canvas.width = explanation.width;
  canvas.height = explanation.height;
  const context = canvas.getContext('2d');
  context?.putImageData(new ImageData(heatmapRgba(explanation), explanation.width, explanation.height), 0, 0);
  return canvas;
}
