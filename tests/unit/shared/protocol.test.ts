import { describe, expect, it } from 'vitest';
import { checkPayload, envelope, isDisconnect, isEnvelopeFor, type Destination, type Envelope } from '../../../src/shared/protocol';
import { InvalidMessage } from '../../../src/shared/validate';

/** The same wrapper without its types: what a buggy or hostile sender could put on the wire. */
const forged = envelope as unknown as <D extends Destination>(to: D, type: string, payload: unknown) => Envelope<D>;

describe('the message protocol, checked where messages arrive', () => {
  it('addresses envelopes to one context', () => {
    const message = envelope('offscreen', 'stats', {});
    expect(isEnvelopeFor(message, 'offscreen')).toBe(true);
    expect(isEnvelopeFor(message, 'background')).toBe(false);
    expect(isEnvelopeFor({ type: 'stats' }, 'offscreen')).toBe(false);
    expect(isEnvelopeFor(null, 'offscreen')).toBe(false);
  });

  it('accepts an identify request with bytes and keeps only known fields', () => {
    const bytes = new Uint8Array([1, 2, 3]).buffer;
    const payload = checkPayload('background', forged('background', 'identify', {
      source: { kind: 'bytes', bytes, mimeType: 'image/png', name: 'a.png', extra: 1 },
      origin: { uploadedName: 'a.png', sneaky: true },
    }));
    expect(payload).toEqual({ source: { kind: 'bytes', bytes, mimeType: 'image/png', name: 'a.png' }, origin: { uploadedName: 'a.png' } });
  });

  it('rejects bytes that did not survive serialization (the JSON fate of typed arrays)', () => {
    const jsonMangled = JSON.parse(JSON.stringify({ bytes: new Uint8Array([1, 2]) })).bytes;
    expect(() => checkPayload('background', forged('background', 'identify', {
      source: { kind: 'bytes', bytes: jsonMangled, mimeType: 'image/png' }, origin: {},
    }))).toThrow(/ArrayBuffer/);
  });

  it('rejects unknown types, unknown kinds and wrong field types', () => {
    expect(() => checkPayload('background', forged('background', 'format-disk', {}))).toThrow(InvalidMessage);
    expect(() => checkPayload('background', forged('background', 'toString', {}))).toThrow(InvalidMessage);
    expect(() => checkPayload('background', forged('background', 'identify', { source: { kind: 'file', path: '/etc/passwd' }, origin: {} }))).toThrow(/kind/);
    expect(() => checkPayload('background', forged('background', 'identify', { source: { kind: 'url', url: 42 }, origin: {} }))).toThrow(/url/);
    expect(() => checkPayload('offscreen', forged('offscreen', 'classify', { bytes: new ArrayBuffer(1), backend: 'gpu' }))).toThrow(/backend/);
  });

  it('checks engine status and error reports', () => {
    expect(checkPayload('background', envelope('background', 'engine-status', { status: { state: 'ready', backend: 'wasm' } })))
      .toEqual({ status: { state: 'ready', backend: 'wasm' } });
    expect(() => checkPayload('background', forged('background', 'report-error', { error: { code: 'explode' }, origin: {} }))).toThrow(/code/);
  });

  it('checks the timings of a backend decision instead of trusting them', () => {
    const decision = { key: 'gpu|4.22', backend: 'wasm', timings: { wasm: 40, webgl: 400 } };
    expect(checkPayload('background', envelope('background', 'engine-status', { status: { state: 'ready' }, decision: decision as never })))
      .toEqual({ status: { state: 'ready' }, decision });
    expect(() => checkPayload('background', forged('background', 'engine-status', {
      status: { state: 'ready' }, decision: { ...decision, timings: { wasm: 'fast' } },
    }))).toThrow(/timings\.wasm/);
    expect(checkPayload('background', forged('background', 'engine-status', {
      status: { state: 'ready' }, decision: { ...decision, timings: { wasm: 40, tpu: 1 } },
    }))).toEqual({ status: { state: 'ready' }, decision: { ...decision, timings: { wasm: 40 } } });
  });

  it('recognises the browser\'s "other end went away" errors', () => {
    expect(isDisconnect(new Error('Could not establish connection. Receiving end does not exist.'))).toBe(true);
    expect(isDisconnect(new Error('The message port closed before a response was received.'))).toBe(true);
    expect(isDisconnect(new Error('Extension context invalidated.'))).toBe(true);
    expect(isDisconnect(new Error('quota exceeded'))).toBe(false);
  });
});
