import { describe, expect, it } from 'vitest';
import { checkPayload, envelope, isEnvelopeFor } from '../../src/shared/protocol';
import { InvalidMessage } from '../../src/shared/validate';

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
    const payload = checkPayload('background', envelope('background', 'identify', {
      source: { kind: 'bytes', bytes, mimeType: 'image/png', name: 'a.png', extra: 1 },
      origin: { uploadedName: 'a.png', sneaky: true },
    }));
    expect(payload).toEqual({ source: { kind: 'bytes', bytes, mimeType: 'image/png', name: 'a.png' }, origin: { uploadedName: 'a.png' } });
  });

  it('rejects bytes that did not survive serialization (the JSON fate of typed arrays)', () => {
    const jsonMangled = JSON.parse(JSON.stringify({ bytes: new Uint8Array([1, 2]) })).bytes;
    expect(() => checkPayload('background', envelope('background', 'identify', {
      source: { kind: 'bytes', bytes: jsonMangled, mimeType: 'image/png' }, origin: {},
    }))).toThrow(/ArrayBuffer/);
  });

  it('rejects unknown types, unknown kinds and wrong field types', () => {
    expect(() => checkPayload('background', envelope('background', 'format-disk', {}))).toThrow(InvalidMessage);
    expect(() => checkPayload('background', envelope('background', 'toString', {}))).toThrow(InvalidMessage);
    expect(() => checkPayload('background', envelope('background', 'identify', { source: { kind: 'file', path: '/etc/passwd' }, origin: {} }))).toThrow(/kind/);
    expect(() => checkPayload('background', envelope('background', 'identify', { source: { kind: 'url', url: 42 }, origin: {} }))).toThrow(/url/);
    expect(() => checkPayload('offscreen', envelope('offscreen', 'classify', { bytes: new ArrayBuffer(1), backend: 'gpu' }))).toThrow(/backend/);
  });

  it('checks engine status and error reports', () => {
    expect(checkPayload('background', envelope('background', 'engine-status', { status: { state: 'ready', backend: 'wasm' } })))
      .toEqual({ status: { state: 'ready', backend: 'wasm' } });
    expect(() => checkPayload('background', envelope('background', 'report-error', { error: { code: 'explode' }, origin: {} }))).toThrow(/code/);
  });
});
