/**
 * Where a replaced element's pixels are drawn inside its content box under CSS object-fit and
 * object-position: a "cover" picture overflows the box (and is clipped), a "contain" one leaves
 * bands. Labels, heat-maps, object boxes and screen reading all lie on the pixels, not on the box.
 */
import type { Box, Size } from './box';

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
 * The drawn picture's box, in the coordinates of `content`, for a picture of `natural` size
 * under `fit` ('fill' or '', 'contain', 'cover', 'none', 'scale-down') and `position` (the
 * computed object-position, e.g. "50% 50%").
 */
export function fittedBox(content: Box, natural: Size, fit: string, position = '50% 50%'): Box {
  if (!fit || fit === 'fill' || !(natural.width > 0 && natural.height > 0)) return content;
  const contain = Math.min(content.width / natural.width, content.height / natural.height);
  const scale = fit === 'cover' ? Math.max(content.width / natural.width, content.height / natural.height)
    : fit === 'contain' ? contain
    : fit === 'none' ? 1
    : Math.min(1, contain); // scale-down
  const width = natural.width * scale;
  const height = natural.height * scale;
  const [x, y] = position.trim().split(/\s+/);
  return { left: content.left + offset(x, content.width - width), top: content.top + offset(y, content.height - height), width, height };
}
