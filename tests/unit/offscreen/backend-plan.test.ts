import { describe, expect, it } from 'vitest';
import { decisionKeyFor, planBackends } from '../../../src/offscreen/backend-plan';
import { isSoftwareRenderer, type RendererInfo } from '../../../src/offscreen/renderer';

const gpu: RendererInfo = { webgl: true, renderer: 'ANGLE (NVIDIA, NVIDIA GeForce RTX 3060 Direct3D11 vs_5_0 ps_5_0)', software: false };
const swiftshader: RendererInfo = {
  webgl: true, renderer: 'ANGLE (Google, Vulkan 1.3.0 (SwiftShader Device (Subzero) (0x0000C0DE)), SwiftShader driver)', software: true,
};
const noWebgl: RendererInfo = { webgl: false, renderer: 'none', software: true };
const key = decisionKeyFor(gpu, '4.22.0');

describe('choosing a backend by what the machine is', () => {
  it('recognises software renderers', () => {
    expect(isSoftwareRenderer(swiftshader.renderer)).toBe(true);
    expect(isSoftwareRenderer('llvmpipe (LLVM 15.0.6, 256 bits)')).toBe(true);
    expect(isSoftwareRenderer('Microsoft Basic Render Driver')).toBe(true);
    expect(isSoftwareRenderer(gpu.renderer)).toBe(false);
    expect(isSoftwareRenderer('ANGLE (Apple, ANGLE Metal Renderer: Apple M2, Unspecified Version)')).toBe(false);
  });

  it('never lets software WebGL win over WASM', () => {
    expect(planBackends('auto', swiftshader, decisionKeyFor(swiftshader, '4.22.0'))).toEqual({ order: ['wasm', 'cpu'], measure: [] });
    expect(planBackends('auto', noWebgl, 'k')).toEqual({ order: ['wasm', 'cpu'], measure: [] });
  });

  it('times WebGL against WASM once on a real GPU', () => {
    expect(planBackends('auto', gpu, key)).toEqual({ order: ['webgl', 'wasm', 'cpu'], measure: ['webgl', 'wasm'] });
  });

  it('reuses a decision made on the same renderer, and only that one', () => {
    const cached = { key, backend: 'wasm' as const, timings: { webgl: 30, wasm: 20 } };
    expect(planBackends('auto', gpu, key, cached)).toEqual({ order: ['wasm', 'cpu'], measure: [] });
    expect(planBackends('auto', gpu, 'another GPU', cached).measure).toEqual(['webgl', 'wasm']);
  });

  it('honours an explicit choice, with fallbacks, and drops WebGL where there is none', () => {
    expect(planBackends('webgl', swiftshader, 'k')).toEqual({ order: ['webgl', 'wasm', 'cpu'], measure: [] });
    expect(planBackends('cpu', gpu, key)).toEqual({ order: ['cpu', 'wasm'], measure: [] });
    expect(planBackends('webgl', noWebgl, 'k')).toEqual({ order: ['wasm', 'cpu'], measure: [] });
  });
});
