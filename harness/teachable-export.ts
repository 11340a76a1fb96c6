/**
 * A Teachable Machine-shaped export made in the test itself (never someone else's model): a tiny
 * TF.js layers model with fixed weights, saved as Teachable Machine saves one (model.json with
 * its weightsManifest, weights.bin, metadata.json). Class i answers for pictures whose colour
 * channel i is strongest, on inputs in [-1, 1] as Teachable Machine feeds them. Also draws
 * test pictures for it: textured red, green or blue scenes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import { encodePng } from '../scripts/png';

export const COLOUR_LABELS = ['Red things', 'Green things', 'Blue things'] as const;

export interface ExportFiles {
  modelJson: string;
  weightsBin: string;
  metadataJson: string;
}

export async function writeTeachableExport(dir: string, { modelName = 'Colour test', imageSize = 224 } = {}): Promise<ExportFiles> {
  await tf.setBackend('cpu');
  const model = tf.sequential({
    layers: [
      tf.layers.globalAveragePooling2d({ inputShape: [imageSize, imageSize, 3] }),
      tf.layers.dense({ units: COLOUR_LABELS.length, activation: 'softmax', name: 'colour_head' }),
    ],
  });
  const kernel = tf.tensor2d([[6, -3, -3], [-3, 6, -3], [-3, -3, 6]]);
  const bias = tf.zeros([3]);
  model.layers[1]!.setWeights([kernel, bias]);
  kernel.dispose();
  bias.dispose();
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(tf.io.withSaveHandler(async (saved) => {
    artifacts = saved;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  model.dispose();
  await mkdir(dir, { recursive: true });
  const files: ExportFiles = { modelJson: join(dir, 'model.json'), weightsBin: join(dir, 'weights.bin'), metadataJson: join(dir, 'metadata.json') };
  await writeFile(files.modelJson, JSON.stringify({
    modelTopology: artifacts!.modelTopology,
    format: 'layers-model',
    generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`,
    convertedBy: null,
    weightsManifest: [{ paths: ['weights.bin'], weights: artifacts!.weightSpecs }],
  }));
  await writeFile(files.weightsBin, Buffer.from(artifacts!.weightData as ArrayBuffer));
  await writeFile(files.metadataJson, JSON.stringify({
    tfjsVersion: tf.version.tfjs, tmVersion: '2.4.10', packageVersion: '0.8.4', packageName: '@teachablemachine/image',
    timeStamp: new Date().toISOString(), userMetadata: {}, modelName, labels: [...COLOUR_LABELS], imageSize,
  }));
  return files;
}

/** A 320x240 picture of soft blobs in one colour (channel 0 red, 1 green, 2 blue) on a paler ground: a real picture, not a flat fill. */
export function colourPicture(channel: 0 | 1 | 2, seed = 1): Buffer {
  const width = 320;
  const height = 240;
  const pixels = new Uint8Array(width * height * 3);
  let state = seed * 9301 + 49297;
  const random = () => ((state = (state * 9301 + 49297) % 233280) / 233280);
  const blobs = Array.from({ length: 7 }, () => ({ x: random() * width, y: random() * height, r: 25 + random() * 50 }));
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const inBlob = blobs.some((b) => (x - b.x) ** 2 + (y - b.y) ** 2 < b.r ** 2);
      const strong = inBlob ? 230 : 170;
      const weak = inBlob ? 30 : 90;
      const at = (y * width + x) * 3;
      for (let c = 0; c < 3; c++) pixels[at + c] = c === channel ? strong : weak + ((x + y) % 7);
    }
  }
  return encodePng(pixels, width, height, 3);
}

/**
 * An export of about Teachable Machine's own size (its MobileNetV2 0.35 base and dense head come
 * to about 2 MB of weights): a small convolutional stack with 1280 channels before the pooling, a
 * dense layer of 100 and the classes' softmax, with seeded random weights. For timing and memory
 * of an import; it answers nothing meaningful.
 */
export async function writeTeachableSizedExport(dir: string, { modelName = 'Teachable-sized', labels = ['One', 'Two', 'Three'] } = {}): Promise<ExportFiles> {
  await tf.setBackend('cpu');
  const init = (seed: number) => tf.initializers.glorotUniform({ seed });
  const model = tf.sequential({
    layers: [
      tf.layers.conv2d({ inputShape: [224, 224, 3], filters: 32, kernelSize: 3, strides: 2, activation: 'relu', kernelInitializer: init(1) }),
      tf.layers.conv2d({ filters: 64, kernelSize: 3, strides: 2, activation: 'relu', kernelInitializer: init(2) }),
      tf.layers.conv2d({ filters: 128, kernelSize: 3, strides: 2, activation: 'relu', kernelInitializer: init(3) }),
      tf.layers.conv2d({ filters: 160, kernelSize: 3, strides: 2, activation: 'relu', kernelInitializer: init(4) }),
      tf.layers.conv2d({ filters: 1280, kernelSize: 1, activation: 'relu', kernelInitializer: init(5) }),
      tf.layers.globalAveragePooling2d({}),
      tf.layers.dense({ units: 100, activation: 'relu', kernelInitializer: init(6) }),
      tf.layers.dense({ units: labels.length, activation: 'softmax', kernelInitializer: init(7) }),
    ],
  });
  let artifacts: tf.io.ModelArtifacts | undefined;
  await model.save(tf.io.withSaveHandler(async (saved) => {
    artifacts = saved;
    return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
  }));
  model.dispose();
  await mkdir(dir, { recursive: true });
  const files: ExportFiles = { modelJson: join(dir, 'model.json'), weightsBin: join(dir, 'weights.bin'), metadataJson: join(dir, 'metadata.json') };
  await writeFile(files.modelJson, JSON.stringify({
    modelTopology: artifacts!.modelTopology, format: 'layers-model', generatedBy: `TensorFlow.js tfjs-layers v${tf.version.tfjs}`, convertedBy: null,
    weightsManifest: [{ paths: ['weights.bin'], weights: artifacts!.weightSpecs }],
  }));
  await writeFile(files.weightsBin, Buffer.from(artifacts!.weightData as ArrayBuffer));
  await writeFile(files.metadataJson, JSON.stringify({ tmVersion: '2.4.10', packageName: '@teachablemachine/image', modelName, labels, imageSize: 224 }));
  return files;
}
