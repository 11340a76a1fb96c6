/**
 * Where an <img>'s pixels are drawn inside its content box under CSS object-fit and
 * object-position: a "cover" picture overflows the box (and is clipped), a "contain" one leaves
 * bands. The heat-map must lie on the pixels, not on the box.
 */
export interface Rect {
  left: number;
  top: number;
  width: number;
  height: number;
}

/** One object-position component ("30%", "12px", "left", "center"…) -> offset of the free space taken. */
function offset(token: string | undefined, free: number): number {
  if (!token || token === 'center') return free / 2;
  if (token === 'left' || token === 'top') return 0;
  if (token === 'right' || token === 'bottom') return free;
  if (token.endsWith('%')) return (free * Number.parseFloat(token)) / 100;
  const px = Number.parseFloat(token);
  return Number.isFinite(px) ? px : free / 2;
}

/**
 * The drawn picture's rectangle relative to the content box (width x height), for a picture of
 * `natural` size under `fit` ('fill', 'contain', 'cover', 'none', 'scale-down') and `position`
 * (the computed object-position, e.g. "50% 50%").
 */
export function fittedRect(natural: { width: number; height: number }, width: number, height: number, fit: string, position = '50% 50%'): Rect {
  if (fit === 'fill' || !(natural.width > 0 && natural.height > 0)) return { left: 0, top: 0, width, height };
  const contain = Math.min(width / natural.width, height / natural.height);
  const scale = fit === 'cover' ? Math.max(width / natural.width, height / natural.height)
    : fit === 'contain' ? contain
    : fit === 'none' ? 1
    : Math.min(1, contain); // scale-down
  const drawnWidth = natural.width * scale;
  const drawnHeight = natural.height * scale;
  const [x, y] = position.trim().split(/\s+/);
  return { left: offset(x, width - drawnWidth), top: offset(y, height - drawnHeight), width: drawnWidth, height: drawnHeight };
}
