/**
 * Pictures of nothing: flat greys, grain and gradients, seeded. What the model answers for them
 * (its "content-free" answer, as in contextual calibration) is what it says when there is
 * nothing to see: texture classes such as velvet or window screen. A view whose answer looks
 * like that is probably background, whatever its confidence.
 */
export function contentFreePictures(size: number): Float32Array[] {
  let state = 0x9e3779b9;
  const random = () => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  const clamp = (v: number) => Math.min(1, Math.max(0, v));
  const picture = (pixel: (x: number, y: number) => [number, number, number]) => {
    const out = new Float32Array(size * size * 3);
    for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) out.set(pixel(x, y).map(clamp), (y * size + x) * 3);
    return out;
  };
  const flat = [0.1, 0.3, 0.5, 0.7, 0.9].map((v) => picture(() => [v, v, v]));
  const grain = [0.15, 0.3, 0.5].map((amplitude) =>
    picture(() => {
      const v = 0.5 + (random() * 2 - 1) * amplitude;
      return [v, v, v];
    }),
  );
  const colourGrain = picture(() => [0, 1, 2].map(() => 0.5 + (random() * 2 - 1) * 0.3) as [number, number, number]);
  const gradients = [
    picture((x) => [x / size, x / size, x / size]),
    picture((_, y) => [y / size, y / size, y / size]),
  ];
  return [...flat, ...grain, colourGrain, ...gradients];
}
