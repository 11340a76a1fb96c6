import type { Backend, BackendDecision, BackendPreference } from '../shared/types';
import type { RendererInfo } from './renderer';

export interface BackendPlan {
  /** Backends to try, best first; later ones are fallbacks if an earlier one fails to start. */
  order: Backend[];
  /** Backends to time against each other before choosing (empty: take the first that starts). */
  measure: Backend[];
}

const withFallbacks = (first: Backend[], renderer: RendererInfo): Backend[] => {
  const all: Backend[] = [...first, 'wasm', 'cpu'];
  return [...new Set(all)].filter((b) => b !== 'webgl' || renderer.webgl);
};

/**
 * Chooses how to pick a backend. An explicit preference wins; then a decision cached for this
 * same renderer; a software WebGL renderer (SwiftShader, llvmpipe) is far slower than WASM, so it
 * is not even tried; on a real GPU WebGL and WASM are timed against each other once.
 */
export function planBackends(
  preference: BackendPreference,
  renderer: RendererInfo,
  decisionKey: string,
  cached?: BackendDecision,
): BackendPlan {
  if (preference !== 'auto') return { order: withFallbacks([preference], renderer), measure: [] };
  if (cached && cached.key === decisionKey) return { order: withFallbacks([cached.backend], renderer), measure: [] };
  if (!renderer.webgl || renderer.software) return { order: ['wasm', 'cpu'], measure: [] };
  return { order: ['webgl', 'wasm', 'cpu'], measure: ['webgl', 'wasm'] };
}

export const decisionKeyFor = (renderer: RendererInfo, libraryVersion: string): string =>
  `${renderer.renderer} | tfjs ${libraryVersion}`;
