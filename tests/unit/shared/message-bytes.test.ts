import { describe, expect, it } from 'vitest';
import { pack, unpack } from '../../../src/shared/message-bytes';

describe('picture bytes between contexts', () => {
  it('sends large buffers as Blobs and gives them back as the same bytes', async () => {
    const bytes = new Uint8Array(100_000).map((_, i) => i % 251).buffer;
    const message = { source: { kind: 'bytes', bytes, mimeType: 'image/bmp' }, origin: { pageUrl: 'https://example.org/' } };
    const packed = pack(message) as { source: { bytes: unknown } };
    expect(packed.source.bytes).not.toBeInstanceOf(ArrayBuffer);
    expect(Object.values(packed.source.bytes as object)[0]).toBeInstanceOf(Blob);
    expect(message.source.bytes).toBe(bytes);
    const back = (await unpack(packed)) as typeof message;
    expect(back.origin).toEqual(message.origin);
    expect(new Uint8Array(back.source.bytes)).toEqual(new Uint8Array(bytes));
  });

  it('leaves small buffers, arrays, strings and other values as they are', async () => {
    const small = new ArrayBuffer(16);
    const message = { list: [1, 'two', small], text: 'x', none: undefined, flag: true };
    const packed = pack(message) as typeof message;
    expect(packed.list[2]).toBe(small);
    expect(await unpack(packed)).toEqual(message);
  });

  it('turns back only its own wrapping: a look-alike with other keys stays an object', async () => {
    const lookAlike = { glimpseBytes: new Blob(['x']), other: 1 };
    expect(await unpack({ value: lookAlike })).toEqual({ value: lookAlike });
    expect(await unpack({ value: { glimpseBytes: 'not a blob' } })).toEqual({ value: { glimpseBytes: 'not a blob' } });
  });
});
