import { describe, expect, it } from 'vitest';
import { checkTeachableFiles, ImportRefused } from '../../../../src/offscreen/custom/teachable-files';

const model = JSON.stringify({
  modelTopology: { class_name: 'Sequential', config: { layers: [] } },
  format: 'layers-model',
  weightsManifest: [{ paths: ['weights.bin'], weights: [{ name: 'dense/kernel', shape: [3, 2], dtype: 'float32' }, { name: 'dense/bias', shape: [2], dtype: 'float32' }] }],
});
const metadata = JSON.stringify({ modelName: 'Leaves', labels: ['Oak', 'Maple'], imageSize: 224, tmVersion: '2.4.10' });
const weights = new ArrayBuffer((6 + 2) * 4);

const reason = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    return error instanceof ImportRefused ? error.reason : `threw ${String(error)}`;
  }
  return 'accepted';
};

describe('checking a Teachable Machine export', () => {
  it('accepts the three files and reads name, labels and size', () => {
    const files = checkTeachableFiles(model, weights, metadata);
    expect(files).toMatchObject({ name: 'Leaves', labels: ['Oak', 'Maple'], imageSize: 224 });
    expect(files.weightSpecs).toHaveLength(2);
  });

  it('refuses what is not an export, saying which part is wrong', () => {
    expect(reason(() => checkTeachableFiles('{oops', weights, metadata))).toBe('not-teachable');
    expect(reason(() => checkTeachableFiles(metadata, weights, metadata))).toBe('not-teachable');
    expect(reason(() => checkTeachableFiles(model, weights, JSON.stringify({ labels: [] })))).toBe('not-teachable');
    expect(reason(() => checkTeachableFiles(JSON.stringify({ ...JSON.parse(model), format: 'graph-model' }), weights, metadata))).toBe('not-teachable');
  });

  it('refuses weights cut off or from another export', () => {
    expect(reason(() => checkTeachableFiles(model, weights.slice(0, 20), metadata))).toBe('broken-weights');
    expect(reason(() => checkTeachableFiles(model, new ArrayBuffer(64), metadata))).toBe('broken-weights');
  });
});
