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
