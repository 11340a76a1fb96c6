import { describe, expect, it } from 'vitest';
import messages from '../../../public/_locales/en/messages.json';
import { errorMessageKey, isRetryable } from '../../../src/shared/error-text';
import { ERROR_CODES } from '../../../src/shared/errors';
import { LIMITS } from '../../../src/shared/limits';

describe('error messages', () => {
  it('gives every error code a message that exists in the English locale', () => {
    for (const code of ERROR_CODES) {
      const { key } = errorMessageKey({ code });
      expect(messages, `${code} -> ${key}`).toHaveProperty(key);
    }
  });
  it('fills in the numbers people need', () => {
    expect(errorMessageKey({ code: 'http-status', status: 404 }).substitutions).toEqual(['404']);
    expect(errorMessageKey({ code: 'too-large' }).substitutions).toEqual([String(LIMITS.maxImageBytes / 1024 / 1024)]);
    expect(errorMessageKey({ code: 'timeout' }).substitutions).toEqual([String(LIMITS.fetchTimeoutMs / 1000)]);
  });
  it('explains gone, forbidden and broken servers differently', () => {
    expect(errorMessageKey({ code: 'http-status', status: 404 }).key).toBe('errHttpNotFound');
    expect(errorMessageKey({ code: 'http-status', status: 410 }).key).toBe('errHttpNotFound');
    expect(errorMessageKey({ code: 'http-status', status: 401 }).key).toBe('errHttpDenied');
    expect(errorMessageKey({ code: 'http-status', status: 403 }).key).toBe('errHttpDenied');
    expect(errorMessageKey({ code: 'http-status', status: 503 }).key).toBe('errHttpServer');
    expect(errorMessageKey({ code: 'http-status', status: 418 }).key).toBe('errHttpStatus');
    for (const status of [404, 401, 503, 418]) expect(messages).toHaveProperty(errorMessageKey({ code: 'http-status', status }).key);
  });
  it('tells an off-screen picture from a refused download, and names the status when there is one', () => {
    expect(errorMessageKey({ code: 'off-screen', status: 403 })).toEqual({ key: 'errOffScreenRefused', substitutions: ['403'] });
    expect(errorMessageKey({ code: 'off-screen' }).key).toBe('errOffScreenFailed');
    expect(errorMessageKey({ code: 'off-screen-no-download' }).key).toBe('errOffScreenNoDownload');
    for (const key of ['errOffScreenRefused', 'errOffScreenFailed', 'errOffScreenNoDownload']) expect(messages).toHaveProperty(key);
    expect(isRetryable({ code: 'off-screen', status: 403 })).toBe(true);
  });
  it('offers a retry only where trying again can help', () => {
    expect(isRetryable({ code: 'network' })).toBe(true);
    expect(isRetryable({ code: 'interrupted' })).toBe(true);
    expect(isRetryable({ code: 'http-status', status: 503 })).toBe(true);
    expect(isRetryable({ code: 'http-status', status: 404 })).toBe(false);
    expect(isRetryable({ code: 'not-an-image' })).toBe(false);
    expect(isRetryable({ code: 'too-large' })).toBe(false);
  });
});
