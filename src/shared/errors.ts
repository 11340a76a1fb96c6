import { LIMITS } from './limits';
import { number, object, oneOf, optional, string, type Infer } from './validate';

/** Why an identification failed, as the user should hear it. */
export const ERROR_CODES = [
  'no-image-found', 'unsupported-url', 'unreadable', 'network', 'http-status', 'redirect-loop', 'timeout', 'too-large',
  'too-many-pixels', 'too-small', 'empty', 'not-an-image', 'corrupt', 'busy', 'interrupted', 'engine', 'internal',
  'off-screen', 'off-screen-no-download',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const glimpseError = object({
  code: oneOf(ERROR_CODES),
  /** HTTP status for 'http-status' (and 'off-screen' when the download was refused). */
  status: optional(number),
  /** Technical detail for logs and bug reports; never the main message. */
  detail: optional(string),
});
export type GlimpseError = Infer<typeof glimpseError>;

/** An Error that carries a GlimpseError across async boundaries inside one context. */
export class GlimpseFailure extends Error {
  constructor(readonly error: GlimpseError) {
    super(error.detail ? `${error.code}: ${error.detail}` : error.code);
    this.name = 'GlimpseFailure';
  }
}

export const fail = (code: ErrorCode, extra: Omit<GlimpseError, 'code'> = {}): never => {
  throw new GlimpseFailure({ code, ...extra });
};

/** Turns anything thrown into a GlimpseError; unknown failures become 'internal'. */
export function toGlimpseError(thrown: unknown, fallback: ErrorCode = 'internal'): GlimpseError {
  if (thrown instanceof GlimpseFailure) return thrown.error;
  const detail = thrown instanceof Error ? thrown.message : String(thrown);
  return { code: fallback, detail };
}

/** Messages that mean the other end of an extension message went away before answering. */
export function isDisconnect(thrown: unknown): boolean {
  const text = thrown instanceof Error ? thrown.message : String(thrown);
  return /message port closed|receiving end does not exist|could not establish connection|extension context invalidated|message channel closed/i.test(text);
}

interface MessageKey {
  key: string;
  substitutions?: string[];
}

/** Gone, forbidden and broken servers each call for something different from the user. */
function httpStatusKey(status: number | undefined): string {
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
