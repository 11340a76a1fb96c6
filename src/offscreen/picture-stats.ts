/**
 * Colour and edge statistics of the model's 224x224 view, for telling a photo from a picture
 * that was drawn (a chart, a page of text, an app screen, a map): drawn pictures are made of
 * flat areas of few colours with sharp, mostly straight edges; a photo's pixels almost never
 * repeat exactly and its edges run every way. One pass over the view (about 1 ms); the rule that
 * uses them is in picture-kind.ts, measured in docs/CALIBRATION.md.
 */
import type { PictureStats } from '../shared/types';

const FLAT = 2 / 255;
const SHARP = 64 / 255;
const STILL = 8 / 255;
const GREY = 16 / 255;

/** One histogram for every call (the engine judges one view at a time). */
const bins = new Uint32Array(32768);

const spread = (r: number, g: number, b: number): number => (r > g ? (r > b ? r : b) : g > b ? g : b) - (r < g ? (r < b ? r : b) : g < b ? g : b);
const largestStep = (a: number, b: number, c: number): number => {
  const x = a < 0 ? -a : a, y = b < 0 ? -b : b, z = c < 0 ? -c : c;
  return x > y ? (x > z ? x : z) : y > z ? y : z;
};

/** `rgb`: size*size pixels as R, G, B in [0, 1] (the model's input). */
export function pictureStats(rgb: ArrayLike<number>, size: number): PictureStats {
  const count = size * size;
  const row = size * 3;
  bins.fill(0);
  let flat = 0, grey = 0, edges = 0, straight = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const i = y * row + x * 3;
      const r = rgb[i]!, g = rgb[i + 1]!, b = rgb[i + 2]!;
      bins[((r * 31.99) << 10) | ((g * 31.99) << 5) | (b * 31.99)]!++;
      if (spread(r, g, b) < GREY) grey++;
      const right = x + 1 < size ? i + 3 : i;
      const below = y + 1 < size ? i + row : i;
      const dx = largestStep(rgb[right]! - r, rgb[right + 1]! - g, rgb[right + 2]! - b);
      const dy = largestStep(rgb[below]! - r, rgb[below + 1]! - g, rgb[below + 2]! - b);
      if (dx < FLAT && dy < FLAT) flat++;
      if (dx > SHARP || dy > SHARP) {
        edges++;
        if (dx < STILL || dy < STILL) straight++;
      }
    }
  }
  const top = sumOfLargest(bins, 8);
  return { flat: flat / count, topColours: top / count, grey: grey / count, edges: edges / count, straight: edges ? straight / edges : 0 };
}

function sumOfLargest(values: Uint32Array, k: number): number {
  const best = new Array<number>(k).fill(0);
  for (const value of values) {
    if (value <= best[k - 1]!) continue;
    let at = k - 1;
    while (at > 0 && best[at - 1]! < value) { best[at] = best[at - 1]!; at--; }
    best[at] = value;
  }
  return best.reduce((a, b) => a + b, 0);
}

/** The views' statistics averaged (a wide picture's squares each count the same). */
export function meanStats(all: PictureStats[]): PictureStats {
  const mean = (key: keyof PictureStats) => all.reduce((sum, stats) => sum + stats[key], 0) / all.length;
  const round = (value: number) => Math.round(value * 1000) / 1000;
  return { flat: round(mean('flat')), topColours: round(mean('topColours')), grey: round(mean('grey')), edges: round(mean('edges')), straight: round(mean('straight')) };
}
