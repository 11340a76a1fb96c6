/** Every bound Glimpse enforces, in one place (docs/RELIABILITY.md lists them and why). */
export const LIMITS = {
  /** Largest image, downloaded, uploaded or in a data: URL, in bytes. */
  maxImageBytes: 25 * 1024 * 1024,
  /** Largest decoded image, in pixels: bigger images are refused before decoding (decompression bombs). */
  maxDecodedPixels: 100_000_000,
  /** Smallest side worth identifying, in pixels: spacers and tracking pixels are refused, not guessed at. */
  minImageSide: 8,
  /** How long a download may take, headers and body together, before it is abandoned. */
  fetchTimeoutMs: 20_000,
  /** Identifications waiting for the engine at once; more are refused with a "busy" message. */
  maxQueuedJobs: 64,
  /** How long one engine request may take (model load included) before the caller gives up. */
  engineTimeoutMs: 120_000,
  /** SVG has no pixels of its own: it is drawn with its longer side this long, whatever it declares. */
  svgRasterSide: 1024,
  /** How long an SVG may take to render before it is refused as broken. */
  svgRenderTimeoutMs: 10_000,
  /**
   * A picture shown at least this large (device pixels, shorter side of its visible part) is read
   * from a capture of the screen alone; smaller, it is downloaded and checked against the screen.
   * Measured (npm run measure-onscreen, 200 dev photos, top-1 of the capture vs the download):
   * 224 px -7 points, 256 px -3, 300 px -1.5.
   */
  minCaptureSide: 300,
  /** History entries kept; the oldest are evicted first. */
  historyCap: 200,
  /** Longest side of a history thumbnail, in CSS pixels. */
  thumbnailSize: 96,
} as const;

export const TOP_K = 5;
