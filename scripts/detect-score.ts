/**
 * Scores detections against scenes-dev's truth (its README): a pasted photo's thing is found when
 * an object named its COCO class (or the photo's own ImageNet name) has its box centre on the
 * pasted photo and at least 70 % of its box inside it. Every object on an empty picture, or on
 * none of a scene's pasted photos, is false.
 */
export type Box = [number, number, number, number];
export interface TruthObject { file: string; coco: string; box: Box }
export interface TruthScene { image: string; objects: TruthObject[] }
export interface ReportedObject { name: string; coco?: string; box: Box }

const INSIDE = 0.7;

const area = ([x0, y0, x1, y1]: Box) => Math.max(0, x1 - x0) * Math.max(0, y1 - y0);
const overlap = (a: Box, b: Box) => area([Math.max(a[0], b[0]), Math.max(a[1], b[1]), Math.min(a[2], b[2]), Math.min(a[3], b[3])]);

/** Whether `object`'s box sits on the pasted photo's box (centre on it, >= 70 % inside). */
export function sitsOn(object: Box, pasted: Box): boolean {
  const cx = (object[0] + object[2]) / 2;
  const cy = (object[1] + object[3]) / 2;
  const centreOn = cx >= pasted[0] && cx <= pasted[2] && cy >= pasted[1] && cy <= pasted[3];
  return centreOn && area(object) > 0 && overlap(object, pasted) / area(object) >= INSIDE;
}

/** The photo's own ImageNet name from its file name (n02124075_Egyptian_cat.JPEG -> "egyptian cat"). */
export const imagenetNameOf = (file: string): string => file.replace(/^n\d+_/, '').replace(/\.[^.]+$/, '').replace(/_/g, ' ').toLowerCase();

const sameName = (object: ReportedObject, truth: TruthObject) =>
  object.name.toLowerCase() === truth.coco || object.coco === truth.coco || object.name.toLowerCase() === imagenetNameOf(truth.file);

export interface SceneScore { things: number; found: number; falseObjects: number; missed: TruthObject[] }

export function scoreScene(truth: TruthObject[], reported: ReportedObject[]): SceneScore {
  const missed = truth.filter((t) => !reported.some((o) => sameName(o, t) && sitsOn(o.box, t.box)));
  const falseObjects = reported.filter((o) => !truth.some((t) => sitsOn(o.box, t.box))).length;
  return { things: truth.length, found: truth.length - missed.length, falseObjects, missed };
}
