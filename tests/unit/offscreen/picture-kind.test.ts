import { describe, expect, it } from 'vitest';
import { meanStats, pictureStats } from '../../../src/offscreen/picture-stats';
import { features, notPhotoChance, notPhotoKind } from '../../../src/offscreen/picture-kind';

const SIZE = 224;

/** A 224x224 view from pixel(x, y) -> [r, g, b] in [0, 1]. */
function view(pixel: (x: number, y: number) => number[]): Float32Array {
  const out = new Float32Array(SIZE * SIZE * 3);
  for (let y = 0; y < SIZE; y++) for (let x = 0; x < SIZE; x++) out.set(pixel(x, y), (y * SIZE + x) * 3);
  return out;
}

let seed = 7;
const random = () => ((seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32);

/** A bar chart: white, black axes, three flat coloured bars. */
const chart = view((x, y) => {
  if (x === 20 || y === 200) return [0, 0, 0];
  const bar = Math.floor((x - 30) / 60);
  if (x > 30 && (x - 30) % 60 < 40 && bar < 3 && y < 200 && y > 60 + bar * 40) return [[0.15, 0.4, 0.9], [0.9, 0.35, 0.05], [0.1, 0.65, 0.3]][bar]!;
  return [1, 1, 1];
});

/** Something photo-like: smooth shading with grain everywhere (no two neighbours equal). */
const photo = view((x, y) => {
  const shade = 0.3 + 0.4 * Math.sin(x / 30) * Math.cos(y / 40);
  return [shade + random() * 0.08, shade * 0.8 + random() * 0.08, 0.2 + random() * 0.08];
});

describe('telling a drawn picture from a photo', () => {
  it('measures a chart as flat, few-coloured and straight-edged, a photo as none of these', () => {
    const drawn = pictureStats(chart, SIZE);
    expect(drawn.flat).toBeGreaterThan(0.9);
    expect(drawn.topColours).toBeGreaterThan(0.99);
    expect(drawn.straight).toBeGreaterThan(0.9);
    const shot = pictureStats(photo, SIZE);
    expect(shot.flat).toBeLessThan(0.05);
    expect(shot.topColours).toBeLessThan(0.3);
  });

  it('calls the chart not a photo, whatever the model guessed, and leaves the photo alone', () => {
    const envelope = [{ classIndex: 549, probability: 0.8 }];
    expect(notPhotoKind(pictureStats(chart, SIZE), envelope)).toBeDefined();
    const tench = [{ classIndex: 0, probability: 0.9 }];
    expect(notPhotoKind(pictureStats(photo, SIZE), tench)).toBeUndefined();
    expect(notPhotoChance(features(pictureStats(photo, SIZE), tench))).toBeLessThan(0.1);
  });

  it('averages the views of a wide picture', () => {
    const mean = meanStats([pictureStats(chart, SIZE), pictureStats(photo, SIZE)]);
    expect(mean.flat).toBeCloseTo((pictureStats(chart, SIZE).flat + pictureStats(photo, SIZE).flat) / 2, 2);
  });
});
