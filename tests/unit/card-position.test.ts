import { describe, expect, it } from 'vitest';
import { GAP, placeCard } from '../../src/content/card-position';

const card = { width: 320, height: 200 };
const viewport = { width: 1280, height: 900 };
const point = { x: 200, y: 200 };

describe('placeCard', () => {
  it('puts the card right of the image, level with its top', () => {
    const image = { left: 24, top: 100, width: 400, height: 300 };
    expect(placeCard(card, viewport, image, point)).toEqual({ left: 424 + GAP, top: 100, visible: true });
  });

  it('uses the left side when the right has no room', () => {
    const image = { left: 800, top: 100, width: 400, height: 300 };
    expect(placeCard(card, viewport, image, point)).toEqual({ left: 800 - GAP - 320, top: 100, visible: true });
  });

  it('goes below, then above, an image as wide as the screen', () => {
    const wide = { left: 0, top: 100, width: 1280, height: 300 };
    expect(placeCard(card, viewport, wide, point)).toEqual({ left: GAP, top: 400 + GAP, visible: true });
    const low = { left: 0, top: 500, width: 1280, height: 300 };
    expect(placeCard(card, viewport, low, point)).toEqual({ left: GAP, top: 500 - GAP - 200, visible: true });
  });

  it('sits inside the top-left corner of an image that fills the screen', () => {
    const full = { left: -50, top: -100, width: 1400, height: 1200 };
    expect(placeCard(card, viewport, full, point)).toEqual({ left: GAP, top: GAP, visible: true });
  });

  it('follows the visible top of a partly scrolled-away image, and stays on screen', () => {
    expect(placeCard(card, viewport, { left: 24, top: -120, width: 400, height: 300 }, point).top).toBe(GAP);
    expect(placeCard(card, viewport, { left: 24, top: 800, width: 400, height: 300 }, point).top).toBe(900 - GAP - 200);
  });

  it('hides with an image scrolled out of view', () => {
    expect(placeCard(card, viewport, { left: 24, top: -400, width: 400, height: 300 }, point).visible).toBe(false);
    expect(placeCard(card, viewport, { left: 24, top: 950, width: 400, height: 300 }, point).visible).toBe(false);
  });

  it('without an image, opens just below-right of the clicked point', () => {
    expect(placeCard(card, viewport, undefined, point)).toEqual({ left: 208, top: 208, visible: true });
    expect(placeCard(card, viewport, undefined, { x: 1270, y: 890 })).toEqual({ left: 1280 - GAP - 320, top: 900 - GAP - 200, visible: true });
  });

  it('steps down past cards already on screen', () => {
    const image = { left: 24, top: 100, width: 400, height: 300 };
    const taken = [{ left: 432, top: 50, width: 320, height: 200 }];
    expect(placeCard(card, viewport, image, point, taken).top).toBe(250 + GAP);
  });
});
