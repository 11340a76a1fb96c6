// Draws Glimpse's icon (a lens over a rounded square) with signed distance functions
// and writes public/icons/icon{16,32,48,128}.png. Run once when the design changes.
import { mkdirSync, writeFileSync } from 'node:fs';
import { encodePng } from './png';

const roundedBox = (x: number, y: number, half: number, r: number) => {
  const qx = Math.abs(x) - half + r, qy = Math.abs(y) - half + r;
  return Math.hypot(Math.max(qx, 0), Math.max(qy, 0)) + Math.min(Math.max(qx, qy), 0) - r;
};
const segment = (x: number, y: number, ax: number, ay: number, bx: number, by: number) => {
  const px = x - ax, py = y - ay, dx = bx - ax, dy = by - ay;
  const t = Math.max(0, Math.min(1, (px * dx + py * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - dx * t, py - dy * t);
};

/** Colour at a point of the unit square [-1, 1]^2, or null outside the icon. */
function shade(x: number, y: number): number[] | null {
  if (roundedBox(x, y, 0.96, 0.34) > 0) return null;
  const t = (y + 1) / 2;
  let c = [Math.round(52 + 20 * t), Math.round(84 - 20 * t), Math.round(224 - 40 * t)];
  const lensRing = Math.abs(Math.hypot(x + 0.1, y + 0.1) - 0.4) - 0.11;
  const handle = segment(x, y, 0.22, 0.22, 0.6, 0.6) - 0.13;
  const glint = Math.hypot(x + 0.24, y + 0.24) - 0.1;
  if (Math.min(lensRing, handle) < 0) c = [255, 255, 255];
  else if (glint < 0) c = [255, 214, 102];
  return c;
}

mkdirSync('public/icons', { recursive: true });
for (const size of [16, 32, 48, 128]) {
  const rgba = Buffer.alloc(size * size * 4);
  const samples = 4;
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let r = 0, g = 0, b = 0, a = 0;
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = ((px + (sx + 0.5) / samples) / size) * 2 - 1;
          const y = ((py + (sy + 0.5) / samples) / size) * 2 - 1;
          const c = shade(x, y);
          if (c) { r += c[0]!; g += c[1]!; b += c[2]!; a += 1; }
        }
      }
      const i = (py * size + px) * 4;
      if (a > 0) { rgba[i] = r / a; rgba[i + 1] = g / a; rgba[i + 2] = b / a; }
      rgba[i + 3] = Math.round((a / (samples * samples)) * 255);
    }
  }
  writeFileSync(`public/icons/icon${size}.png`, encodePng(rgba, size, size, 4));
}
console.log('icons written');
