import { describe, expect, it } from 'vitest';
import { readableFromScreen } from '../../../src/background/screen-enough';

const whole = { x: 0, y: 0, width: 1, height: 1 };
const seen = (width: number, height: number, part = whole, dpr = 1) => ({ area: { left: 0, top: 0, width, height, dpr }, part });

describe('whether a picture is named from the screen alone or downloaded and checked against it', () => {
  it('shown large and whole: from the screen', () => {
    expect(readableFromScreen(seen(400, 300))).toBe(true);
  });

  it('shown small (a 200 px thumbnail), even whole: downloaded (a capture that small loses points)', () => {
    expect(readableFromScreen(seen(200, 150))).toBe(false);
    expect(readableFromScreen(seen(200, 150, whole, 2))).toBe(true);
  });

  it('shown large and partly scrolled out, most of it in view: from the screen', () => {
    expect(readableFromScreen(seen(400, 190, { x: 0, y: 0.37, width: 1, height: 0.63 }))).toBe(true);
  });

  it('a "cover" photo scrolled partly out: what share is in view is counted on what the page shows of it, not the whole file', () => {
    // A 500 x 478 photo covering a 400 x 300 box, its top 110 px scrolled away: 63 % of the box, 50 % of the file.
    expect(readableFromScreen({ ...seen(400, 190, { x: 0, y: 0.503, width: 1, height: 0.497 }), inView: 0.63 })).toBe(true);
    expect(readableFromScreen({ ...seen(400, 60, { x: 0, y: 0.84, width: 1, height: 0.16 }), inView: 0.2 })).toBe(false);
  });

  it('a sliver at the window\'s edge: downloaded (a fifth of a photo is not the photo)', () => {
    expect(readableFromScreen(seen(400, 60, { x: 0, y: 0.8, width: 1, height: 0.2 }))).toBe(false);
  });

  it('a small picture half out of view: downloaded', () => {
    expect(readableFromScreen(seen(200, 90, { x: 0, y: 0, width: 1, height: 0.6 }))).toBe(false);
  });
});
