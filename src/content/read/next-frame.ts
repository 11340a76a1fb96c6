/**
 * The page's next frame: resolves in its requestAnimationFrame, or after `maxWaitMs` (a hidden
 * document runs no frames, a busy one runs them late).
 */
export const nextFrame = (maxWaitMs: number): Promise<void> => new Promise((resolve) => {
  const timer = setTimeout(resolve, maxWaitMs);
  requestAnimationFrame(() => (clearTimeout(timer), resolve()));
});
