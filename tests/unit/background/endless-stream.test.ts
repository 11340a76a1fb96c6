import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { firstPart, StreamWatch } from '../../../src/background/endless-stream';

const photo = new Uint8Array(readFileSync(new URL('../../../../shared/eval/imagenet-samples-dev/n02056570_king_penguin.JPEG', import.meta.url)));
const ascii = (text: string) => new TextEncoder().encode(text);
const join = (...parts: Uint8Array[]) => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
};

describe('pictures that never finish downloading', () => {
  const type = 'multipart/x-mixed-replace; boundary=frame';
  const frame = () => join(ascii('--frame\r\nContent-Type: image/jpeg\r\n\r\n'), photo, ascii('\r\n'));

  it('an MJPEG stream: the first frame, without its part headers or the next boundary', () => {
    const part = firstPart(join(frame(), frame()), type)!;
    expect(Buffer.from(part.subarray(0, photo.length)).equals(Buffer.from(photo))).toBe(true);
    expect(new StreamWatch(type).pictureIn(join(frame(), frame()))).toBeDefined();
  });

  it('a JPEG followed by endless filler is whole; a JPEG still arriving is not', () => {
    const watch = new StreamWatch('image/jpeg');
    expect(watch.pictureIn(join(photo, new Uint8Array(64)))).toBeDefined();
    expect(watch.pictureIn(photo.subarray(0, photo.length / 2))).toBeUndefined();
    expect(watch.pictureIn(join(ascii('\xff\xd8\xff\xe0'), new Uint8Array(1 << 20)))).toBeUndefined();
  });
});
