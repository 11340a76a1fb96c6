import { describe, expect, it } from 'vitest';
import { checkPackage } from '../../../scripts/build/package-check.mjs';

const pack = (files: Record<string, string>) => () => checkPackage('chrome', Object.keys(files), (file) => files[file] ?? '');

describe('npm run package: what a store zip may carry', () => {
  it('takes the product alone', () => {
    expect(pack({ 'manifest.json': '{}', 'assets/offscreen.js': 'send("classify")', 'model/model.json': '{}' })).not.toThrow();
  });

  it('refuses development code: test hooks, the benchmarks\' messages, the explanation methods only benchmarks use', () => {
    expect(pack({ 'assets/sw.js': 'globalThis.glimpseReady = true' })).toThrow(/glimpseReady/);
    expect(pack({ 'assets/offscreen.js': 'listen("dev", { "bench-predict": f })' })).toThrow(/development code \("bench-predict"\)/);
    expect(pack({ 'assets/offscreen.js': '["grad-cam","occlusion","smooth-grad"]' })).toThrow(/refusing/);
  });

  it('refuses source maps, tests and TypeScript sources', () => {
    expect(pack({ 'assets/a.js.map': '' })).toThrow(/a\.js\.map/);
    expect(pack({ 'tests/x.test.js': '' })).toThrow();
    expect(pack({ 'src/a.ts': '' })).toThrow();
  });
});
