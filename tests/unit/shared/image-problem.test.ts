import { describe, expect, it } from 'vitest';
import { imageProblem, sizeProblem } from '../../../src/shared/image-problem';
import { LIMITS } from '../../../src/shared/limits';
import { buffer, png, SAMPLE, text, wholePng } from './image-bytes';

describe('imageProblem: what the bytes alone rule out', () => {
  it('passes a good photo', () => {
    expect(imageProblem(buffer(SAMPLE))).toBeUndefined();
  });
  it('names each problem with its code', () => {
    expect(imageProblem(new ArrayBuffer(0))).toMatchObject({ code: 'empty' });
    expect(imageProblem(new ArrayBuffer(LIMITS.maxImageBytes + 1))).toMatchObject({ code: 'too-large' });
    expect(imageProblem(text('<html>nope</html>'))).toMatchObject({ code: 'not-an-image' });
    expect(imageProblem(buffer(wholePng(1, 1)))).toMatchObject({ code: 'too-small' });
    expect(imageProblem(buffer(wholePng(LIMITS.minImageSide, LIMITS.minImageSide)))).toBeUndefined();
    expect(imageProblem(png(30000, 30000))).toMatchObject({ code: 'too-many-pixels' });
    expect(imageProblem(png(0, 10))).toMatchObject({ code: 'corrupt' });
    expect(imageProblem(buffer(SAMPLE.subarray(0, 20_000)))).toMatchObject({ code: 'corrupt' });
  });
  it('lets SVG through whatever size it declares (it is drawn at a fixed size)', () => {
    expect(imageProblem(text('<svg xmlns="http://www.w3.org/2000/svg" width="1" height="1"/>'))).toBeUndefined();
  });
});

describe('sizeProblem: the pixel-count rules both the header check and the decoder apply', () => {
  it('refuses too many pixels, none, and too few to recognise anything', () => {
    expect(sizeProblem(30000, 30000)).toEqual({ code: 'too-many-pixels', detail: '30000x30000' });
    expect(sizeProblem(0, 10)).toMatchObject({ code: 'corrupt' });
    expect(sizeProblem(LIMITS.minImageSide - 1, 500, 'png')).toEqual({ code: 'too-small', detail: 'png' });
    expect(sizeProblem(LIMITS.minImageSide, LIMITS.minImageSide)).toBeUndefined();
  });
});
