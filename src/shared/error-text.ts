/** How an error is put to the user: which _locales message explains it, and whether retrying may help. */
import type { GlimpseError } from './errors';
import type { I18nKey } from './i18n-keys';
import { LIMITS } from './limits';

export interface MessageKey {
  key: I18nKey;
  substitutions?: string[];
}

/** Gone, forbidden and broken servers each call for something different from the user. */
function httpStatusKey(status: number | undefined): I18nKey {
  if (status === 404 || status === 410) return 'errHttpNotFound';
  if (status === 401 || status === 403 || status === 407) return 'errHttpDenied';
  if (status !== undefined && status >= 500) return 'errHttpServer';
  return 'errHttpStatus';
}

/** The _locales key (and its substitutions) that explains an error to the user. */
export function errorMessageKey(error: GlimpseError): MessageKey {
  switch (error.code) {
    case 'no-image-found': return { key: 'errNoImageFound' };
    case 'unsupported-url': return { key: 'errUnsupportedUrl' };
    case 'unreadable': return { key: 'errUnreadable' };
    case 'network': return { key: 'errNetwork' };
    case 'http-status': return { key: httpStatusKey(error.status), substitutions: [String(error.status ?? '?')] };
    case 'redirect-loop': return { key: 'errRedirectLoop' };
    case 'timeout': return { key: 'errTimeout', substitutions: [String(LIMITS.fetchTimeoutMs / 1000)] };
    case 'too-large': return { key: 'errTooLarge', substitutions: [String(LIMITS.maxImageBytes / 1024 / 1024)] };
    case 'too-many-pixels': return { key: 'errTooManyPixels', substitutions: [String(LIMITS.maxDecodedPixels / 1_000_000)] };
    case 'too-small': return { key: 'errTooSmall', substitutions: [String(LIMITS.minImageSide)] };
    case 'empty': return { key: 'errEmpty' };
    case 'not-an-image': return { key: 'errNotAnImage' };
    case 'corrupt': return { key: 'errCorrupt' };
    case 'busy': return { key: 'errBusy' };
    case 'interrupted': return { key: 'errInterrupted' };
    case 'engine': return { key: 'errEngine' };
    case 'internal': return { key: 'errInternal' };
    case 'off-screen':
      return error.status === undefined
        ? { key: 'errOffScreenFailed' }
        : { key: 'errOffScreenRefused', substitutions: [String(error.status)] };
    case 'off-screen-no-download': return { key: 'errOffScreenNoDownload' };
  }
}

/** Whether trying the same image again may help (shown as a retry button). */
export const isRetryable = (error: GlimpseError): boolean =>
  // Off screen: once the user has scrolled the picture into view, trying again reads it there.
  ['network', 'timeout', 'busy', 'interrupted', 'engine', 'internal', 'off-screen', 'off-screen-no-download'].includes(error.code) ||
  (error.code === 'http-status' && (error.status ?? 0) >= 500);
