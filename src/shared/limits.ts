/** Every bound Glimpse enforces, in one place (docs/RELIABILITY.md lists them). */
export const LIMITS = {
  /** Largest image, downloaded or uploaded, in bytes. */
  maxImageBytes: 25 * 1024 * 1024,
  /** Largest decoded image, in pixels: bigger images are refused before decoding (decompression bombs). */
  maxDecodedPixels: 100_000_000,
  /** How long a download may take before it is abandoned. */
  fetchTimeoutMs: 20_000,
  /** Identifications waiting for the engine at once; more are refused with a "busy" message. */
  maxQueuedJobs: 64,
  /** How long one engine request may take (model load included) before the caller gives up. */
  engineTimeoutMs: 120_000,
  /** History entries kept; the oldest are evicted first. */
  historyCap: 200,
  /** Longest side of a history thumbnail, in CSS pixels. */
  thumbnailSize: 96,
} as const;

export const TOP_K = 5;
