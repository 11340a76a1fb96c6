/**
 * Whether what a capture shows of a picture is enough to name it from the screen alone (else it
 * is downloaded and checked against the screen, pixels.ts).
 */
import { LIMITS } from '../shared/limits';
import type { OnScreen } from '../shared/types';

/** At least this share of a picture shown large (of what the page shows of it) must be in view for its capture to stand for it. */
const MIN_SHARE_IN_VIEW = 0.5;

const deviceSide = (width: number, height: number, dpr: number): number => Math.round(Math.min(width, height) * dpr);

/**
 * Shown large enough for the model: the visible part's shorter side is at least
 * LIMITS.minCaptureSide device pixels; or the picture itself is shown that large with most of it
 * in view (scrolled partly out of the window or under a bar), so its capture is sharp and most of
 * it, not a sliver at the window's edge.
 */
export function readableFromScreen({ area, part, inView }: OnScreen): boolean {
  if (deviceSide(area.width, area.height, area.dpr) >= LIMITS.minCaptureSide) return true;
  if (part.width <= 0 || part.height <= 0 || (inView ?? part.width * part.height) < MIN_SHARE_IN_VIEW) return false;
  return deviceSide(area.width / part.width, area.height / part.height, area.dpr) >= LIMITS.minCaptureSide;
}
