import { describe, expect, it } from 'vitest';
import { chooseWasmThreads, MAX_WASM_THREADS } from '../../../src/offscreen/wasm-threads';

describe('how many threads the WASM engine gets', () => {
  it('uses every core up to the cap when cross-origin isolated', () => {
    expect(chooseWasmThreads({ isolated: true, cores: 2 })).toBe(2);
    expect(chooseWasmThreads({ isolated: true, cores: 3 })).toBe(3);
    expect(chooseWasmThreads({ isolated: true, cores: 16 })).toBe(MAX_WASM_THREADS);
    expect(MAX_WASM_THREADS).toBe(4);
  });

  it('falls back to the single-threaded build without isolation (no SharedArrayBuffer) or a second core', () => {
    expect(chooseWasmThreads({ isolated: false, cores: 16 })).toBe(1);
    expect(chooseWasmThreads({ isolated: true, cores: 1 })).toBe(1);
    expect(chooseWasmThreads({ isolated: true })).toBe(1);
    expect(chooseWasmThreads({ isolated: true, cores: Number.NaN })).toBe(1);
  });

  it('honours a smaller cap asked for, never a larger one', () => {
    expect(chooseWasmThreads({ isolated: true, cores: 8, requested: 1 })).toBe(1);
    expect(chooseWasmThreads({ isolated: true, cores: 8, requested: 2 })).toBe(2);
    expect(chooseWasmThreads({ isolated: true, cores: 8, requested: 64 })).toBe(MAX_WASM_THREADS);
    expect(chooseWasmThreads({ isolated: true, cores: 2, requested: 3 })).toBe(2);
    expect(chooseWasmThreads({ isolated: true, cores: 8, requested: 0 })).toBe(MAX_WASM_THREADS);
  });
});
