/** Geometry a person checks by eye, for labels on pages: in viewport CSS px. */
import type { Page } from 'puppeteer-core';
import { expect } from 'vitest';
import type { Box, CardState } from '../../../harness/menu';

/** The boxes of the elements matching `selector`, in document order. */
export function boxesOf(page: Page, selector: string): Promise<Box[]> {
  return page.$$eval(selector, (elements) =>
    elements.map((element) => {
      const rect = element.getBoundingClientRect();
      return { left: rect.left, top: rect.top, width: rect.width, height: rect.height };
    }),
  );
}

export const overlapArea = (a: Box, b: Box): number =>
  Math.max(0, Math.min(a.left + a.width, b.left + b.width) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.top + a.height, b.top + b.height) - Math.max(a.top, b.top));

/** Whether `a` lies within `b` or touches it (1 px of rounding allowed). */
export function touches(a: Box, b: Box, slack = 1): boolean {
  return a.left <= b.left + b.width + slack && b.left <= a.left + a.width + slack &&
    a.top <= b.top + b.height + slack && b.top <= a.top + a.height + slack;
}

/**
 * The rules of issue 11 for labels on `pictures` (label i belongs to picture i): each lies within
 * or touches its picture, no two overlap, none covers more than 10% of another picture.
 */
export function expectWellPlaced(labels: Box[], pictures: Box[]): void {
  expect(labels).toHaveLength(pictures.length);
  labels.forEach((label, i) => {
    expect(touches(label, pictures[i]!), `label ${i} ${JSON.stringify(label)} touches its picture ${JSON.stringify(pictures[i])}`).toBe(true);
    labels.forEach((other, j) => {
      if (j > i) expect(overlapArea(label, other), `labels ${i} and ${j} overlap: ${JSON.stringify([label, other])}`).toBe(0);
    });
    pictures.forEach((picture, j) => {
      if (j === i) return;
      const share = overlapArea(label, picture) / (picture.width * picture.height);
      expect(share, `label ${i} covers ${Math.round(share * 100)}% of picture ${j}`).toBeLessThanOrEqual(0.1);
    });
  });
}

/** The compact labels' boxes (cards must be collapsed and visible). */
export function labelBoxes(shown: CardState[]): Box[] {
  return shown.map((card, i) => {
    expect(card.labelBox, `card ${i} shows its label (${card.text})`).not.toBeNull();
    return card.labelBox!;
  });
}

const area = (box: Box): number => Math.max(0, box.width) * Math.max(0, box.height);

/** How far apart two boxes are (0 when they touch or overlap). */
export function distance(a: Box, b: Box): number {
  const dx = Math.max(0, b.left - (a.left + a.width), a.left - (b.left + b.width));
  const dy = Math.max(0, b.top - (a.top + a.height), a.top - (b.top + b.height));
  return Math.hypot(dx, dy);
}

/**
 * Issue 19's rules for labels that fit on their pictures (a presenter's grid): most of the area of
 * each label's words lies on its own picture, and no label covers any part of another picture
 * (1 px of rounding allowed).
 */
export function expectWordsOnOwnPicture(words: Box[], labels: Box[], pictures: Box[]): void {
  expect(words).toHaveLength(pictures.length);
  words.forEach((box, i) => {
    const share = overlapArea(box, pictures[i]!) / area(box);
    expect(share, `label ${i}: ${Math.round(share * 100)}% of its words are on its own picture`).toBeGreaterThan(0.5);
  });
  expectOverNoOtherPicture(labels, pictures);
}

/** No label covers any other picture than its own (a 1 px sliver of rounding allowed). */
export function expectOverNoOtherPicture(labels: Box[], pictures: Box[]): void {
  labels.forEach((label, i) => {
    pictures.forEach((picture, j) => {
      if (j === i) return;
      const inner = { left: picture.left + 1, top: picture.top + 1, width: picture.width - 2, height: picture.height - 2 };
      expect(overlapArea(label, inner), `label ${i} ${JSON.stringify(label)} lies over picture ${j} ${JSON.stringify(picture)}`).toBe(0);
    });
  });
}

/**
 * Issue 19's rules for labels beside small pictures (thumbnails): each label touches its own
 * picture, is nearer to it than to any other picture, and covers no other picture.
 */
export function expectNearestOwnPicture(labels: Box[], pictures: Box[]): void {
  labels.forEach((label, i) => {
    expect(touches(label, pictures[i]!), `label ${i} ${JSON.stringify(label)} touches its picture ${JSON.stringify(pictures[i])}`).toBe(true);
    const own = distance(label, pictures[i]!);
    pictures.forEach((picture, j) => {
      if (j !== i) expect(distance(label, picture), `label ${i} is nearer its own picture than picture ${j}`).toBeGreaterThan(own + 4);
    });
  });
  expectOverNoOtherPicture(labels, pictures);
}
