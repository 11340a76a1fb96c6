/**
 * The format of captures of the visible tab, chosen by measurement (docs/WHAT-IS-ON-SCREEN.md):
 * a lossy capture ships only if its top-1 on the dev photos stays within half a point of PNG's.
 * JPEG at quality 92 lost 0.9 points (110 photos measured: 0.864 against 0.873; 85 and 75 lost more),
 * so captures stay PNG, though Chromium takes a JPEG in about a sixth of the time.
 */
export interface CaptureOptions {
  format: 'png' | 'jpeg';
  quality?: number;
}

const CHOSEN: CaptureOptions = { format: 'png' };

let current: CaptureOptions = CHOSEN;

export const captureOptions = (): CaptureOptions => current;

/** Measurement only (test-hook builds): `npm run measure-onscreen` compares formats on one build. */
export function setCaptureOptions(options: CaptureOptions | undefined): void {
  current = options ?? CHOSEN;
}
