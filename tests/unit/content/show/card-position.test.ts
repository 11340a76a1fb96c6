import { describe, expect, it } from 'vitest';
import { INSET, placeLabel, type LabelScene } from '../../../../src/content/show/card-position';
import { overlapArea, visiblePart, type Box } from '../../../../src/content/geometry/box';

const viewport: Box = { left: 0, top: 0, width: 1280, height: 800 };
const label = { width: 120, height: 30 };

const scene = (anchor: Box | undefined, extra: Partial<LabelScene> = {}): LabelScene => ({
  size: label, anchor, clip: viewport, viewport, point: { x: 200, y: 200 }, covers: [], pictures: [], taken: [], ...extra,
});
const boxOf = (placement: { left: number; top: number }, size = label): Box => ({ ...placement, ...size });
const touches = (a: Box, b: Box): boolean =>
  a.left <= b.left + b.width && b.left <= a.left + a.width && a.top <= b.top + b.height && b.top <= a.top + a.height;

describe('placeLabel', () => {
  it('pins the label inside the top-left corner of a picture it fits in', () => {
    const photo = { left: 100, top: 100, width: 400, height: 300 };
    expect(placeLabel(scene(photo))).toEqual({ left: 100 + INSET, top: 100 + INSET, visible: true, side: 'inside-top-left' });
  });

  it('stays inside the visible part of a picture scrolled partly off the top', () => {
    const photo = { left: 100, top: -200, width: 400, height: 300 };
    expect(placeLabel(scene(photo))).toMatchObject({ top: INSET, visible: true, side: 'inside-top-left' });
  });

  it('keeps off a sticky header: below it, still on the picture', () => {
    const header = { left: 0, top: 0, width: 1280, height: 64 };
    const photo = { left: 100, top: 20, width: 400, height: 300 };
    const placed = placeLabel(scene(photo, { covers: [header] }));
    expect(placed).toMatchObject({ top: 64 + INSET, visible: true });
    expect(overlapArea(boxOf(placed), header)).toBe(0);
  });

  it('hides with a picture scrolled out of view or under the header', () => {
    expect(placeLabel(scene({ left: 100, top: -400, width: 400, height: 300 })).visible).toBe(false);
    expect(placeLabel(scene({ left: 100, top: 900, width: 400, height: 300 })).visible).toBe(false);
    const header = { left: 0, top: 0, width: 1280, height: 120 };
    expect(placeLabel(scene({ left: 100, top: -200, width: 400, height: 300 }, { covers: [header] })).visible).toBe(false);
  });

  it('puts the label of a thumbnail on its edge, touching it, off the neighbouring thumbnails', () => {
    const thumbs = [0, 1, 2].map((i) => ({ left: 900, top: 100 + i * 90, width: 80, height: 80 }));
    const placed = placeLabel(scene(thumbs[1], { pictures: [thumbs[0]!, thumbs[2]!] }));
    const box = boxOf(placed);
    expect(touches(box, thumbs[1]!)).toBe(true);
    for (const other of [thumbs[0]!, thumbs[2]!]) expect(overlapArea(box, other) / (80 * 80)).toBeLessThanOrEqual(0.02);
    expect(placed.side).toMatch(/right|left/);
  });

  it('puts the label of a thumbnail in a list beside it, level with its middle, rather than in the gap towards the next thumbnail', () => {
    // 72 px thumbnails 13 px apart, headlines to their right (not pictures).
    const thumbs = [0, 1, 2].map((i) => ({ left: 800, top: 100 + i * 85, width: 72, height: 72 }));
    const placed = placeLabel(scene(thumbs[0], { pictures: [thumbs[1]!, thumbs[2]!] }));
    expect(placed.side).toBe('right');
    expect(placed.left).toBe(872);
    expect(placed.top + label.height / 2).toBe(100 + 36);
    // The last one too, with nothing below it.
    expect(placeLabel(scene(thumbs[2], { pictures: [thumbs[0]!, thumbs[1]!] })).side).toBe('right');
  });

  it('never overlaps labels already placed: takes another corner', () => {
    const photo = { left: 100, top: 100, width: 400, height: 300 };
    const first = boxOf(placeLabel(scene(photo)));
    const second = placeLabel(scene(photo, { taken: [first] }));
    expect(overlapArea(boxOf(second), first)).toBe(0);
    expect(second.side).toBe('inside-top-right');
  });

  it('labels a grid of 24 tiles without overlaps, each within its own tile', () => {
    const tiles = Array.from({ length: 24 }, (_, i) => ({ left: 20 + (i % 6) * 205, top: 20 + Math.floor(i / 6) * 195, width: 190, height: 180 }));
    const taken: Box[] = [];
    for (const tile of tiles) {
      const placed = placeLabel(scene(tile, { pictures: tiles.filter((other) => other !== tile), taken: [...taken] }));
      const box = boxOf(placed);
      expect(overlapArea(box, tile)).toBe(label.width * label.height);
      for (const other of taken) expect(overlapArea(box, other)).toBe(0);
      taken.push(box);
    }
  });

  it('never leaves the viewport', () => {
    const photo = { left: 1250, top: 780, width: 200, height: 200 };
    const corner = boxOf(placeLabel(scene(photo)));
    expect(corner.left + corner.width).toBeLessThanOrEqual(1280);
    expect(corner.top + corner.height).toBeLessThanOrEqual(800);
    expect(touches(corner, photo)).toBe(true);
    const edge = placeLabel(scene({ left: 1180, top: 300, width: 100, height: 20 }));
    const box = boxOf(edge);
    expect(box.left + box.width).toBeLessThanOrEqual(1280);
    expect(box.left).toBeGreaterThanOrEqual(0);
  });

  it('without a picture, goes just below-right of the point and steps around other cards', () => {
    expect(placeLabel(scene(undefined))).toEqual({ left: 208, top: 208, visible: true, side: 'point' });
    const taken = [{ left: 150, top: 190, width: 320, height: 100 }];
    expect(placeLabel(scene(undefined, { taken })).top).toBe(298);
  });
});

describe('visiblePart', () => {
  it('cuts the picture to the view and below a bar across its top', () => {
    const header = { left: 0, top: 0, width: 1280, height: 60 };
    expect(visiblePart({ left: 10, top: -50, width: 200, height: 200 }, viewport, [header])).toEqual({ left: 10, top: 60, width: 200, height: 90 });
  });
  it("ignores a bar that covers only part of the picture's width", () => {
    const badge = { left: 0, top: 0, width: 50, height: 60 };
    expect(visiblePart({ left: 10, top: 0, width: 200, height: 200 }, viewport, [badge]).top).toBe(0);
  });
});
