import { describe, expect, it } from 'vitest';
import { everydayFit, presenterFit, type Fit } from '../../../../src/content/show/label-fit';

const viewport = { left: 0, top: 0, width: 1280, height: 720 };

/** A label of `chars` characters, drawn as a browser would roughly: 0.6 em a character, icon and padding in em, 4 px borders. */
const fakeMeasure = (words: string) => (fit: Fit) => {
  const longest = Math.max(...words.split(' ').map((word) => word.length));
  const perLine = fit.lines > 1 ? Math.max(longest, Math.ceil(words.length / fit.lines)) : words.length;
  const natural = perLine * 0.6 * fit.font + (fit.icon ? 1.15 : 0.35) * fit.font + 0.45 * fit.font + 8;
  const lines = fit.lines > 1 ? Math.min(fit.lines, Math.ceil(words.length / perLine)) : 1;
  const width = Math.min(natural, fit.width);
  return { width, height: lines * 1.15 * fit.font + 0.28 * fit.font + 8, complete: natural <= fit.width + 0.5 };
};

describe('presenterFit', () => {
  it('keeps the big one-line label on a photo it fits', () => {
    expect(presenterFit({ left: 0, top: 0, width: 600, height: 400 }, viewport, fakeMeasure('Zebra'))).toMatchObject({ font: 40, lines: 1, icon: true });
  });

  it('fits a long name to a lesson grid photo with smaller type or two lines rather than moving it off', () => {
    const photo = { left: 40, top: 100, width: 276, height: 207 };
    const fit = presenterFit(photo, viewport, fakeMeasure('Probably a king penguin'));
    expect(fit.font).toBeGreaterThanOrEqual(24);
    const drawn = fakeMeasure('Probably a king penguin')(fit);
    expect(drawn.complete).toBe(true);
    expect(drawn.width).toBeLessThanOrEqual(276 - 12);
    expect(drawn.height).toBeLessThanOrEqual(207 / 2);
  });

  it('beside a 72 px thumbnail: one line no taller than the thumbnail, fitting the room to its right', () => {
    const thumb = { left: 900, top: 100, width: 72, height: 72 };
    const fit = presenterFit(thumb, viewport, fakeMeasure('American robin'));
    const drawn = fakeMeasure('American robin')(fit);
    expect(fit.lines).toBe(1);
    expect(drawn.complete).toBe(true);
    expect(drawn.height).toBeLessThanOrEqual(72);
    expect(drawn.width).toBeLessThanOrEqual(1280 - 972);
  });
});

describe('everydayFit', () => {
  it('lets a label be as wide as its picture (not 260 px on an 800 px photo), and 260 px beside a thumbnail', () => {
    expect(everydayFit({ left: 0, top: 0, width: 800, height: 500 }).width).toBeGreaterThan(500);
    expect(everydayFit({ left: 0, top: 0, width: 200, height: 150 }).width).toBe(188);
    expect(everydayFit({ left: 0, top: 0, width: 72, height: 72 }).width).toBe(260);
  });
});
