import { describe, expect, it } from 'vitest';
import { imagenetNameOf, scoreScene, sitsOn } from '../../../scripts/detect-score';

const pasted = { file: 'n02124075_Egyptian_cat.JPEG', coco: 'cat', box: [100, 100, 300, 400] as [number, number, number, number] };

describe('scoring detections on scenes', () => {
  it('counts a box on the pasted photo (centre on it, 70 % inside)', () => {
    expect(sitsOn([120, 120, 280, 380], pasted.box)).toBe(true);
    expect(sitsOn([50, 120, 250, 380], pasted.box)).toBe(true);
    expect(sitsOn([0, 120, 200, 380], pasted.box)).toBe(false);
  });
  it('finds a thing by its COCO name or its own ImageNet name', () => {
    expect(imagenetNameOf(pasted.file)).toBe('egyptian cat');
    expect(scoreScene([pasted], [{ name: 'Egyptian cat', box: [120, 120, 280, 380] }]).found).toBe(1);
    expect(scoreScene([pasted], [{ name: 'tabby cat', coco: 'cat', box: [120, 120, 280, 380] }]).found).toBe(1);
    expect(scoreScene([pasted], [{ name: 'dog', box: [120, 120, 280, 380] }]).found).toBe(0);
  });
  it('calls an object on the background false', () => {
    expect(scoreScene([pasted], [{ name: 'cat', box: [500, 100, 600, 200] }])).toMatchObject({ found: 0, falseObjects: 1 });
  });
});
