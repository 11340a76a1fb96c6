import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without types
import { DETECTOR_SUMS, detectorSumsProblem, parseSums, validateModelShape } from '../../../scripts/fetch-model.mjs';

const model = {
  format: 'graph-model',
  modelTopology: { node: [] },
  weightsManifest: [{ paths: ['a.bin', 'b.bin'], weights: [{ name: 'w', shape: [10, 10], dtype: 'float32' }, { name: 'i', shape: [5], dtype: 'int32' }] }],
};

describe('model step', () => {
  it('parses SHA256SUMS lines', () => {
    const hash = 'a'.repeat(64);
    expect(parseSums(`${hash}  model.json\n${hash} *group1-shard1of4.bin\n\n`)).toEqual([
      { hash, file: 'model.json' },
      { hash, file: 'group1-shard1of4.bin' },
    ]);
  });
  it('accepts shards whose sizes match the weights manifest', () => {
    expect(validateModelShape(model, { 'a.bin': 300, 'b.bin': 120 })).toBeNull();
  });
  it('explains what is wrong otherwise', () => {
    expect(validateModelShape(model, { 'a.bin': 300 })).toMatch(/b\.bin is missing/);
    expect(validateModelShape(model, { 'a.bin': 300, 'b.bin': 100 })).toMatch(/hold 400 bytes, the manifest needs 420/);
    expect(validateModelShape({ ...model, format: 'layers-model' }, {})).toMatch(/graph-model/);
  });
  it('accepts a detector whose SHA256SUMS list the pinned files and hashes', () => {
    expect(detectorSumsProblem(DETECTOR_SUMS)).toBeNull();
    expect(DETECTOR_SUMS.map((s: { file: string }) => s.file).sort()).toEqual(['centernet.bin', 'centernet.json']);
  });
  it('refuses a detector listed with another hash or without a file', () => {
    const [json, bin] = DETECTOR_SUMS;
    expect(detectorSumsProblem([json, { ...bin, hash: 'b'.repeat(64) }])).toMatch(/centernet\.bin is listed with sha256 b{64}/);
    expect(detectorSumsProblem([bin])).toMatch(/centernet\.json is not listed/);
  });
});
