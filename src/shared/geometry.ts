export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/**
 * The source region the standard ImageNet evaluation transform looks at: scale the shorter
 * side to `resizeTo`, then take the centred `cropTo` x `cropTo` square. Expressed in source
 * pixels, it is a centred square whose side is shorter * cropTo / resizeTo.
 */
export function centreCropRegion(width: number, height: number, resizeTo = 256, cropTo = 224): Rect {
  if (!(width > 0 && height > 0)) throw new RangeError(`bad image size ${width}x${height}`);
  const side = (Math.min(width, height) * cropTo) / resizeTo;
  return { x: (width - side) / 2, y: (height - side) / 2, width: side, height: side };
}

/** Size that fits inside a `max` x `max` box keeping the aspect ratio (never upscales). */
export function fitWithin(width: number, height: number, max: number): { width: number; height: number } {
  const scale = Math.min(1, max / Math.max(width, height));
  return { width: Math.max(1, Math.round(width * scale)), height: Math.max(1, Math.round(height * scale)) };
}
