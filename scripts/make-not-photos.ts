// Writes the pictures that have no right answer among ImageNet's classes (random noise, a plain
// bar chart, a flat colour, a gradient, stripes) to tests/e2e/fixtures/card/not-photos/, with a
// labels.csv whose class_index is -1 ("nothing is right"), so `npm run eval` counts every answer
// about them as wrong. Deterministic (a seeded generator): run it again and nothing changes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { encodePng } from './png';

const OUT = 'tests/e2e/fixtures/card/not-photos';

/** An RGB PNG of width x height from pixel(x, y) -> [r, g, b]. */
function png(width: number, height: number, pixel: (x: number, y: number) => number[]): Buffer {
  const rgb = new Uint8Array(width * height * 3);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rgb.set(pixel(x, y), (y * width + x) * 3);
  }
  return encodePng(rgb, width, height, 3);
}

let seed = 20261126;
const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);

const W = 400;
const H = 300;
const BARS: [number, number[]][] = [[0.45, [37, 99, 235]], [0.8, [234, 88, 12]], [0.3, [22, 163, 74]], [0.62, [147, 51, 234]], [0.92, [220, 38, 38]]];

/** A plain bar chart: white ground, grey grid lines, black axes, five coloured bars. */
function barChart(x: number, y: number): number[] {
  const left = 40, bottom = H - 30, top = 20, right = W - 20;
  if ((x === left || x === left + 1) && y >= top && y <= bottom) return [0, 0, 0];
  if ((y === bottom || y === bottom + 1) && x >= left && x <= right) return [0, 0, 0];
  const slot = (right - left) / BARS.length;
  const i = Math.floor((x - left) / slot);
  const bar = BARS[i];
  if (bar && x > left + i * slot + 12 && x < left + (i + 1) * slot - 12 && y < bottom && y > bottom - bar[0] * (bottom - top)) return bar[1];
  if (x > left && y < bottom && y >= top && (bottom - y) % 50 === 0) return [220, 220, 220];
  return [255, 255, 255];
}

const IMAGES: Record<string, (x: number, y: number) => number[]> = {
  'noise.png': () => [random() * 256, random() * 256, random() * 256],
  'bar-chart.png': barChart,
  'flat-grey.png': () => [128, 128, 128],
  'gradient.png': (x, y) => [(x / W) * 255, (y / H) * 255, 160],
  'stripes.png': (x) => (Math.floor(x / 20) % 2 ? [250, 250, 250] : [20, 20, 20]),
  'grey-noise.png': () => { const v = random() * 256; return [v, v, v]; },
};

mkdirSync(OUT, { recursive: true });
for (const [name, pixel] of Object.entries(IMAGES)) writeFileSync(`${OUT}/${name}`, png(W, H, (x, y) => pixel(x, y).map(Math.round)));
writeFileSync(`${OUT}/labels.csv`, ['file,wnid,class_index', ...Object.keys(IMAGES).map((name) => `${name},none,-1`)].join('\n') + '\n');
console.log(`wrote ${Object.keys(IMAGES).length} pictures to ${OUT}`);
