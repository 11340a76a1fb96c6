import { describe, expect, it } from 'vitest';
import { coverBy } from '../../../../src/content/scan/bars';
import { isOffsetPosition } from '../../../../src/content/scan/sprite';

/** A stand-in element: only `contains` is asked of it. */
function element(children: object[] = []): Element {
  const self = { contains: (other: object) => other === self || children.includes(other) };
  return self as unknown as Element;
}

describe('which rows of a picture the page\'s bars cover (found once per screen)', () => {
  const picture = element();
  const box = { left: 100, top: 0, width: 200, height: 120 };

  it('a header across the top covers the picture\'s top rows, and only those', () => {
    const header = { element: element(), box: { left: 0, top: 0, width: 1280, height: 30 } };
    const rows = coverBy([header])(picture, box);
    expect(rows).toHaveLength(12);
    expect(rows.filter(Boolean)).toHaveLength(3);
    expect(rows.slice(0, 3).every(Boolean)).toBe(true);
  });

  it('a bar narrower than the picture, a bar holding the picture, or one inside it, covers nothing', () => {
    const narrow = { element: element(), box: { left: 150, top: 0, width: 50, height: 120 } };
    const holding = { element: element([picture]), box: { left: 0, top: 0, width: 1280, height: 400 } };
    const inner = element();
    const parent = element([inner]);
    const inside = { element: inner, box: { left: 0, top: 0, width: 1280, height: 400 } };
    expect(coverBy([narrow, holding])(picture, box).some(Boolean)).toBe(false);
    expect(coverBy([inside])(parent, box).some(Boolean)).toBe(false);
  });
});

describe('sprite tiles: a background position off the usual anchors', () => {
  it('pixel offsets and odd percentages are tiles; 0, 50 %, 100 % and keywords are not', () => {
    expect(isOffsetPosition('-64px 0px')).toBe(true);
    expect(isOffsetPosition('0px -128px')).toBe(true);
    expect(isOffsetPosition('33.3333% 0%')).toBe(true);
    expect(isOffsetPosition('0% 0%')).toBe(false);
    expect(isOffsetPosition('50% 50%')).toBe(false);
    expect(isOffsetPosition('100% 0px')).toBe(false);
    expect(isOffsetPosition('left top')).toBe(false);
  });
});
