import { describe, expect, it } from 'vitest';
import { isPlaceholder, parseSrcset, pickSrcsetCandidate, type ShownImage } from '../../../../src/content/find/lazy-source';

describe('parseSrcset', () => {
  it('parses width and density descriptors', () => {
    expect(parseSrcset('a.jpg 320w, b.jpg 640w')).toEqual([{ url: 'a.jpg', width: 320 }, { url: 'b.jpg', width: 640 }]);
    expect(parseSrcset('a.jpg, b.jpg 2x,c.jpg 1.5x')).toEqual([
      { url: 'a.jpg', density: 1 },
      { url: 'b.jpg', density: 2 },
      { url: 'c.jpg', density: 1.5 },
    ]);
  });

  it('keeps commas inside URLs', () => {
    expect(parseSrcset('data:image/gif;base64,R0lGOD 1x, big.jpg 2x')).toEqual([
      { url: 'data:image/gif;base64,R0lGOD', density: 1 },
      { url: 'big.jpg', density: 2 },
    ]);
    expect(parseSrcset('https://cdn.test/w_200,h_100/x.jpg 200w')).toEqual([{ url: 'https://cdn.test/w_200,h_100/x.jpg', width: 200 }]);
  });

  it('returns nothing for an empty attribute', () => {
    expect(parseSrcset('')).toEqual([]);
    expect(parseSrcset(' , ')).toEqual([]);
  });
});

describe('pickSrcsetCandidate', () => {
  const widths = parseSrcset('s.jpg 200w, m.jpg 500w, l.jpg 1000w');

  it('picks the smallest candidate sharp enough for the box', () => {
    expect(pickSrcsetCandidate(widths, 400)).toBe('m.jpg');
    expect(pickSrcsetCandidate(widths, 400, 2)).toBe('l.jpg');
    expect(pickSrcsetCandidate(widths, 150)).toBe('s.jpg');
  });

  it('falls back to the largest when none is sharp enough', () => {
    expect(pickSrcsetCandidate(widths, 2000)).toBe('l.jpg');
    expect(pickSrcsetCandidate(parseSrcset('a.jpg 1x, b.jpg 2x'), 100, 3)).toBe('b.jpg');
  });

  it('copes with no candidates and unknown box sizes', () => {
    expect(pickSrcsetCandidate([], 400)).toBeUndefined();
    expect(pickSrcsetCandidate(widths, 0)).toBe('s.jpg');
  });
});

describe('isPlaceholder', () => {
  const shown = (over: Partial<ShownImage>): ShownImage => ({
    url: 'https://site.test/photo.jpg', complete: true, naturalWidth: 800, naturalHeight: 600, renderedWidth: 400, renderedHeight: 300, ...over,
  });

  it('keeps a real, loaded picture', () => {
    expect(isPlaceholder(shown({}))).toBe(false);
    expect(isPlaceholder(shown({ naturalWidth: 300, naturalHeight: 225 }))).toBe(false);
  });

  it('sees through pixels, unloaded images and tiny inline previews', () => {
    expect(isPlaceholder(shown({ url: '' }))).toBe(true);
    expect(isPlaceholder(shown({ complete: false }))).toBe(true);
    expect(isPlaceholder(shown({ naturalWidth: 1, naturalHeight: 1 }))).toBe(true);
    expect(isPlaceholder(shown({ url: 'data:image/gif;base64,R0lGODlhAQABAIAAAAAAAP', naturalWidth: 10, naturalHeight: 10 }))).toBe(true);
  });

  it('sees through previews stretched over their box and "loading" graphics', () => {
    expect(isPlaceholder(shown({ naturalWidth: 20, naturalHeight: 15 }))).toBe(true);
    expect(isPlaceholder(shown({ url: 'https://site.test/assets/placeholder.png' }))).toBe(true);
    expect(isPlaceholder(shown({ url: 'https://site.test/img/lazy-loading.gif?v=2' }))).toBe(true);
    expect(isPlaceholder(shown({ url: 'https://site.test/blank.gif' }))).toBe(true);
    expect(isPlaceholder(shown({ url: 'https://site.test/spacer_1x1.gif' }))).toBe(true);
  });

  it('does not mistake ordinary names for placeholders', () => {
    expect(isPlaceholder(shown({ url: 'https://site.test/grey-heron.jpg' }))).toBe(false);
    expect(isPlaceholder(shown({ url: 'https://site.test/photos/empty-beach.jpg' }))).toBe(false);
    expect(isPlaceholder(shown({ url: 'https://site.test/pixel-art/castle.png' }))).toBe(false);
  });
});
