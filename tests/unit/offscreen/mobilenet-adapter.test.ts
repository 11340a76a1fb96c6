/**
 * Glimpse reads @tensorflow-models/mobilenet's private GraphModel field (src/offscreen/mobilenet-adapter.ts).
 * These tests load a tiny graph through the installed library and fail if an update moves or
 * reshapes what the adapter relies on.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as tf from '@tensorflow/tfjs';
import * as mobilenet from '@tensorflow-models/mobilenet';
import { beforeAll, describe, expect, it } from 'vitest';
import { graphOf, GRAPH_FIELD, loadMobileNetGraph } from '../../../src/offscreen/mobilenet-adapter';

/** A graph model with the real one's input and a 1001-wide output: each image's mean, tiled. */
function tinyArtifacts(): tf.io.ModelArtifacts {
  const float = { type: 'DT_FLOAT' };
  const node = (name: string, op: string, input: string[], attr: Record<string, unknown> = {}) => ({ name, op, input, attr });
  return {
    format: 'graph-model',
    modelTopology: {
      node: [
        node('images', 'Placeholder', [], { dtype: float, shape: { shape: { dim: [{ size: '-1' }, { size: '224' }, { size: '224' }, { size: '3' }] } } }),
        node('axes', 'Const', [], { dtype: { type: 'DT_INT32' }, value: { tensor: { dtype: 'DT_INT32', tensorShape: { dim: [{ size: '3' }] } } } }),
        node('mean', 'Mean', ['images', 'axes'], { T: float, keep_dims: { b: true } }),
        node('column', 'Const', [], { dtype: { type: 'DT_INT32' }, value: { tensor: { dtype: 'DT_INT32', tensorShape: { dim: [{ size: '2' }] } } } }),
        node('means', 'Reshape', ['mean', 'column'], { T: float }),
        node('multiples', 'Const', [], { dtype: { type: 'DT_INT32' }, value: { tensor: { dtype: 'DT_INT32', tensorShape: { dim: [{ size: '2' }] } } } }),
        node('logits', 'Tile', ['means', 'multiples'], { T: float }),
      ],
      library: {},
      versions: {},
    },
    weightSpecs: [
      { name: 'axes', shape: [3], dtype: 'int32' },
      { name: 'column', shape: [2], dtype: 'int32' },
      { name: 'multiples', shape: [2], dtype: 'int32' },
    ],
    weightData: new Int32Array([1, 2, 3, -1, 1, 1, 1001]).buffer,
  };
}

describe('the mobilenet adapter (the only reliance on the library internals)', () => {
  beforeAll(async () => {
    await tf.setBackend('cpu');
  });

  it('finds the GraphModel the library loaded in its private field', async () => {
    const net = await mobilenet.load({ version: 2, alpha: 1, inputRange: [0, 1], modelUrl: tf.io.fromMemory(tinyArtifacts()) });
    expect((net as unknown as Record<string, unknown>)[GRAPH_FIELD]).toBeInstanceOf(tf.GraphModel);
    const graph = graphOf(net);
    const input = tf.fill([2, 224, 224, 3], 0.5);
    const output = graph.predict(input) as tf.Tensor;
    expect(output.shape).toEqual([2, 1001]);
    input.dispose();
    output.dispose();
    graph.dispose();
  });

  it('loads through the library and hands back a graph that predicts a batch', async () => {
    const before = tf.memory().numTensors;
    const graph = await loadMobileNetGraph(tinyArtifacts());
    const input = tf.fill([1, 224, 224, 3], 0.25);
    const output = graph.predict(input) as tf.Tensor;
    expect(output.shape).toEqual([1, 1001]);
    expect((await output.data())[1000]).toBeCloseTo(0.25, 5);
    input.dispose();
    output.dispose();
    graph.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('leaves the input open to smaller squares (detection crops run at 192), in the graph and in its signature', async () => {
    const artifacts = tinyArtifacts();
    artifacts.signature = { inputs: { images: { name: 'images:0', dtype: 'DT_FLOAT', tensorShape: { dim: [{ size: '-1' }, { size: '224' }, { size: '224' }, { size: '3' }] } } } };
    const graph = await loadMobileNetGraph(artifacts);
    const input = tf.fill([3, 192, 192, 3], 0.5);
    const output = graph.predict(input) as tf.Tensor;
    expect(output.shape).toEqual([3, 1001]);
    tf.dispose([input, output]);
    graph.dispose();
    // The caller's artifacts are left as they were.
    expect(JSON.stringify(artifacts.signature)).toContain('"224"');
  });

  it('fails loudly when the field is not a GraphModel', () => {
    expect(() => graphOf({} as mobilenet.MobileNet)).toThrow(/mobilenet-adapter/);
  });

  it('relies on the library version it was written against (2.x) feeding its graph [0, 1] input as asked', () => {
    const require = createRequire(import.meta.url);
    const manifest = JSON.parse(readFileSync(require.resolve('@tensorflow-models/mobilenet/package.json'), 'utf8')) as { version: string };
    expect(manifest.version).toMatch(/^2\./);
    const source = readFileSync(require.resolve('@tensorflow-models/mobilenet/dist/index.js'), 'utf8');
    // The library loads the graph into `this.model` (the field the adapter reads) and warms it up with one predict.
    expect(source).toMatch(new RegExp(`\\.${GRAPH_FIELD} = _c\\.sent\\(\\)`));
    expect(source).toContain('this.model.predict(tf.zeros([1, IMAGE_SIZE, IMAGE_SIZE, 3]))');
  });
});
