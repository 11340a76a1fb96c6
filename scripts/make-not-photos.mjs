#!/usr/bin/env node
// Writes the pictures that have no right answer among ImageNet's classes (random noise, a plain
// bar chart, a flat colour, a gradient, stripes) to tests/e2e/fixtures/card/not-photos/, with a
// labels.csv whose class_index is -1 ("nothing is right"), so `npm run eval` counts every answer
// about them as wrong. Deterministic (a seeded generator): run it again and nothing changes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { deflateSync } from 'node:zlib';

const OUT = 'tests/e2e/fixtures/card/not-photos';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
const crc32 = (buf) => {
  let c = 0xffffffff;
  for (const b of buf) c = CRC_TABLE[(c ^ b) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};
function chunk(type, data) {
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'ascii');
  data.copy(out, 8);
  out.writeUInt32BE(crc32(out.subarray(4, 8 + data.length)), 8 + data.length);
  return out;
}
/** An RGB PNG of width x height from pixel(x, y) -> [r, g, b]. */
function png(width, height, pixel) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; ihdr[9] = 2;
  const raw = Buffer.alloc(height * (width * 3 + 1));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) raw.set(pixel(x, y), y * (width * 3 + 1) + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0)),
  ]);
}

let seed = 20261126;
const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);

const W = 400;
const H = 300;
const BARS = [[0.45, [37, 99, 235]], [0.8, [234, 88, 12]], [0.3, [22, 163, 74]], [0.62, [147, 51, 234]], [0.92, [220, 38, 38]]];

/** A plain bar chart: white ground, grey grid lines, black axes, five coloured bars. */
function barChart(x, y) {
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

const IMAGES = {
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
