/**
 * The format of captures of the visible tab, chosen by measurement (docs/WHAT-IS-ON-SCREEN.md):
 * on the 200 dev photos, identified from the screen, JPEG at this quality answered as PNG did
 * (top-1 within half a point), and Chromium takes it in about a sixth of a PNG's time.
 */
export interface CaptureOptions {
  format: 'png' | 'jpeg';
  quality?: number;
}

const CHOSEN: CaptureOptions = { format: 'jpeg', quality: 92 };

let current: CaptureOptions = CHOSEN;

export const captureOptions = (): CaptureOptions => current;

/** Measurement only (test-hook builds): `npm run measure-onscreen` compares formats on one build. */
export function setCaptureOptions(options: CaptureOptions | undefined): void {
  current = options ?? CHOSEN;
}
