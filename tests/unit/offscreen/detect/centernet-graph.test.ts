/**
 * The real CenterNet graph (from ../shared), on TF.js's WASM backend in Node: opened to any input size, its
 * heat-map decoded here exactly as the frozen graph decodes it at 512x512, and a 2:1 input answered
 * at its own shape with the constants put back afterwards.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { setWasmPaths } from '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, it } from 'vitest';
import { detectPeaks, loadCenterNet } from '../../../../src/offscreen/detect/centernet-graph';
import { openImageSides } from '../../../../src/offscreen/open-input';

const DIR = new URL('../../../../../shared/model/centernet-mobilenetv3-512/', import.meta.url);

function artifacts(): tf.io.ModelArtifacts {
  const json = JSON.parse(readFileSync(new URL('centernet.json', DIR), 'utf8')) as { modelTopology: object; weightsManifest: { weights: tf.io.WeightsManifestEntry[] }[] };
  const bin = readFileSync(new URL('centernet.bin', DIR));
  return {
    modelTopology: json.modelTopology,
    weightSpecs: json.weightsManifest.flatMap((group) => group.weights),
    weightData: bin.buffer.slice(bin.byteOffset, bin.byteOffset + bin.byteLength),
  };
}

/** Smooth stripes and blobs: something for the detector's heat-map to peak on. */
const picture = (height: number, width: number) =>
  tf.tidy(() => {
    const y = tf.range(0, height).reshape([height, 1, 1]).tile([1, width, 3]);
    const x = tf.range(0, width).reshape([1, width, 1]).tile([height, 1, 3]);
    return tf.sin(x.div(37)).mul(tf.cos(y.div(23))).mul(120).add(128).expandDims(0);
  });

describe('the CenterNet graph at any input size', () => {
  let graph: tf.GraphModel;

  beforeAll(async () => {
    setWasmPaths(`${dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'))}/`);
    await tf.setBackend('wasm');
    graph = await loadCenterNet(artifacts());
  }, 60_000);

  it('leaves the declared input open in height and width only', () => {
    const topology = openImageSides(artifacts(), 'tower_0/images').modelTopology as { node: { name: string; attr: { shape: { shape: { dim: { size: string }[] } } } }[] };
    const dims = topology.node.find((node) => node.name === 'tower_0/images')!.attr.shape.shape.dim.map((dim) => dim.size);
    expect(dims).toEqual(['1', '-1', '-1', '3']);
  });

  it("decodes the heat-map at 512x512 exactly as the frozen graph's own detections", async () => {
    const input = picture(512, 512);
    const own = await detectPeaks(graph, input, 0);
    const frozen = (await graph.executeAsync(input, 'tower_0/detections')) as tf.Tensor;
    const rows = await frozen.data();
    tf.dispose([input, frozen]);
    expect(own).toHaveLength(100);
    own.forEach((peak, k) => {
      const row = rows.slice(6 * k, 6 * k + 6);
      peak.box.forEach((value, j) => expect(value).toBeCloseTo(row[j]!, 2));
      expect(peak.score).toBeCloseTo(row[4]!, 5);
      expect(peak.cocoIndex).toBe(row[5]);
    });
  }, 60_000);

  it('answers a 2:1 input at its own shape, boxes within it, and puts the frozen sizes back', async () => {
    const before = tf.memory().numTensors;
    const sizesBefore = graph.weights['tower_0/CenternetHead/c3_upsample/up_sampling2d_2/mul']![0]!;
    const input = picture(256, 512);
    const peaks = await detectPeaks(graph, input, 0);
    input.dispose();
    expect(peaks).toHaveLength(100);
    // Peaks cover the whole width, not a 256x256 corner of it.
    expect(Math.max(...peaks.map((peak) => (peak.box[0] + peak.box[2]) / 2))).toBeGreaterThan(300);
    for (const peak of peaks) expect((peak.box[1] + peak.box[3]) / 2).toBeLessThan(260);
    expect(graph.weights['tower_0/CenternetHead/c3_upsample/up_sampling2d_2/mul']![0]).toBe(sizesBefore);
    expect(Array.from(await sizesBefore.data())).toEqual([128, 128]);
    expect(tf.memory().numTensors).toBe(before);
  }, 60_000);
});
