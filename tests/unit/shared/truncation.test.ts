import { describe, expect, it } from 'vitest';
import { isTruncated } from '../../../src/shared/truncation';
import { buffer, SAMPLE, wholePng } from './image-bytes';

describe('isTruncated: a file cut short is refused, not half-identified', () => {
  it('accepts whole files', () => {
    expect(isTruncated(buffer(SAMPLE), 'jpeg')).toBe(false);
    expect(isTruncated(buffer(wholePng(4, 4)), 'png')).toBe(false);
    expect(isTruncated(buffer(Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44, 0x01, 0, 0x3b])), 'gif')).toBe(false);
  });
  it('finds JPEGs cut anywhere, including inside their image data', () => {
    for (const fraction of [0.05, 0.3, 0.6, 0.99]) {
      expect(isTruncated(buffer(SAMPLE.subarray(0, Math.floor(SAMPLE.length * fraction))), 'jpeg'), String(fraction)).toBe(true);
    }
    expect(isTruncated(buffer(SAMPLE.subarray(0, SAMPLE.length - 2)), 'jpeg')).toBe(true);
  });
  it('ignores what follows the end of a JPEG (motion photos append a video)', () => {
    expect(isTruncated(buffer(Buffer.concat([SAMPLE, Buffer.alloc(10_000, 0xff)])), 'jpeg')).toBe(false);
  });
  it('is not fooled by an embedded thumbnail\'s end marker', () => {
    // An APP1 segment holding a whole tiny "JPEG" (FFD8 ... FFD9) before the real image.
    const thumbnail = Buffer.from([0xff, 0xd8, 0xff, 0xd9]);
    const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0, thumbnail.length + 2]), thumbnail]);
    const file = Buffer.concat([SAMPLE.subarray(0, 2), app1, SAMPLE.subarray(2)]);
    expect(isTruncated(buffer(file), 'jpeg')).toBe(false);
    expect(isTruncated(buffer(file.subarray(0, 4000)), 'jpeg')).toBe(true);
  });
  it('finds PNGs without IEND, GIFs without a whole first frame, WebPs shorter than their RIFF size', () => {
    const whole = wholePng(8, 8);
    expect(isTruncated(buffer(whole.subarray(0, whole.length - 12)), 'png')).toBe(true);
    expect(isTruncated(buffer(whole.subarray(0, whole.length - 2)), 'png')).toBe(false); // only IEND's checksum cut
    expect(isTruncated(buffer(whole.subarray(0, 40)), 'png')).toBe(true);
    expect(isTruncated(buffer(Buffer.from([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0, 0, 0, 0, 0x2c, 0, 0, 0, 0, 1, 0, 1, 0, 0, 2, 2, 0x44])), 'gif')).toBe(true);
    const webp = Buffer.alloc(30);
    webp.write('RIFF', 0, 'ascii');
    webp.writeUInt32LE(1000, 4);
    webp.write('WEBPVP8 ', 8, 'ascii');
    expect(isTruncated(buffer(webp), 'webp')).toBe(true);
    webp.writeUInt32LE(22, 4);
    expect(isTruncated(buffer(webp), 'webp')).toBe(false);
  });
});
