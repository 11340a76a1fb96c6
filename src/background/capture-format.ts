/**
 * The format of captures of the visible tab, chosen by measurement (docs/WHAT-IS-ON-SCREEN.md):
 * a lossy capture ships only if its top-1 on the dev photos stays within half a point of PNG's.
 * JPEG at quality 95 gave PNG's top-1 and top-5 on all 200 (0.880, 1.000) in about 60 % of the
 * time; quality 92 lost a point.
 */
export interface CaptureOptions {
  format: 'png' | 'jpeg';
  quality?: number;
}

const CHOSEN: CaptureOptions = { format: 'jpeg', quality: 95 };

let current: CaptureOptions = CHOSEN;

export const captureOptions = (): CaptureOptions => current;

/** Measurement only (test-hook builds): `npm run measure-onscreen` compares formats on one build. */
export function setCaptureOptions(options: CaptureOptions | undefined): void {
  current = options ?? CHOSEN;
}
