import { describe, expect, it } from 'vitest';
import { DETECTOR_SIZE, detectionViews } from '../../../../src/offscreen/detect/views';

describe('where the detector looks', () => {
  it('looks at a small or near-square picture once, whole', () => {
    expect(detectionViews(640, 480)).toEqual([{ x: 0, y: 0, width: 640, height: 480 }]);
    expect(detectionViews(400, 200)).toEqual([{ x: 0, y: 0, width: 400, height: 200 }]);
  });
  it('adds square tiles spanning the short side of a large wide picture, covering all of it', () => {
    const views = detectionViews(1200, 600);
    expect(views[0]).toEqual({ x: 0, y: 0, width: 1200, height: 600 });
    const tiles = views.slice(1);
    expect(tiles.length).toBeGreaterThanOrEqual(2);
    for (const tile of tiles) expect([tile.width, tile.height, tile.y]).toEqual([600, 600, 0]);
    expect(tiles[0]!.x).toBe(0);
    expect(tiles.at(-1)!.x + 600).toBe(1200);
    // Each tile shows things larger than the whole view does.
    expect(DETECTOR_SIZE / 600).toBeGreaterThan(1.4 * (DETECTOR_SIZE / 1200));
  });
  it('tiles a tall picture top to bottom', () => {
    const tiles = detectionViews(600, 1500).slice(1);
    expect(tiles.every((tile) => tile.x === 0 && tile.width === 600)).toBe(true);
    expect(tiles.at(-1)!.y + 600).toBe(1500);
  });
});
