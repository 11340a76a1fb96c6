/**
 * Imported Teachable Machine models in the engine's document: checked, loaded once, kept in this
 * document's IndexedDB (tf.io's `indexeddb://` store, which outlives restarts) and run on demand.
 * One is kept loaded at a time (the one chosen).
 */
import type { ImportedModel } from '../../shared/custom-models';
import { loadLayersModel, tf } from '../tfjs';
import { checkTeachableFiles, ImportRefused } from './teachable-files';
import { teachableInput } from './teachable-input';

const storeUrl = (id: string) => `indexeddb://glimpse-tm-${id}`;

let loaded: { id: string; model: tf.LayersModel } | undefined;

/** The model's input side and class count, or a refusal when it is not an image classifier. */
function checkShape(model: tf.LayersModel, labels: number, imageSize: number): void {
  const input = model.inputs[0]?.shape;
  const output = model.outputs[0]?.shape;
  if (model.inputs.length !== 1 || !input || input.length !== 4 || input[3] !== 3) {
    throw new ImportRefused('not-image-model', `the model takes ${JSON.stringify(input)}, not pictures`);
  }
  if ((input[1] !== null && input[1] !== imageSize) || (input[2] !== null && input[2] !== imageSize)) {
    throw new ImportRefused('not-image-model', `the model takes ${input[1]}x${input[2]} pictures, metadata.json says ${imageSize}`);
  }
  if (!output || output[output.length - 1] !== labels) {
    throw new ImportRefused('labels-mismatch', `the model has ${String(output?.[output.length - 1])} outputs for ${labels} labels`);
  }
}

/** Checks, loads and keeps an export; the model it returns is the one loaded now. */
export async function importTeachable(modelJson: string, weights: ArrayBuffer, metadataJson: string): Promise<ImportedModel> {
  const files = checkTeachableFiles(modelJson, weights, metadataJson);
  let model: tf.LayersModel;
  try {
    model = await loadLayersModel(tf.io.fromMemory({ modelTopology: files.modelTopology, weightSpecs: files.weightSpecs, weightData: files.weightData }));
  } catch (error) {
    throw new ImportRefused('not-teachable', `TF.js could not build the model: ${String(error)}`);
  }
  try {
    checkShape(model, files.labels.length, files.imageSize);
    // One run on a blank picture: a model that cannot run is refused now, not on a page.
    const probe = tf.tidy(() => model.predict(tf.zeros([1, files.imageSize, files.imageSize, 3])) as tf.Tensor);
    const values = await probe.data();
    probe.dispose();
    if (!values.every(Number.isFinite)) throw new ImportRefused('broken-weights', 'the model answers NaN');
    const id = crypto.randomUUID();
    await model.save(storeUrl(id));
    swapLoaded({ id, model });
    return { id, name: files.name, labels: files.labels, imageSize: files.imageSize, importedAt: Date.now(), bytes: weights.byteLength };
  } catch (error) {
    if (loaded?.model !== model) model.dispose();
    throw error;
  }
}

function swapLoaded(next: { id: string; model: tf.LayersModel } | undefined): void {
  if (loaded && loaded.model !== next?.model) loaded.model.dispose();
  loaded = next;
}

async function modelFor(id: string): Promise<tf.LayersModel> {
  if (loaded?.id === id) return loaded.model;
  const model = await loadLayersModel(storeUrl(id));
  swapLoaded({ id, model });
  return model;
}

/** Each class's probability for a decoded picture, in the model's label order. */
export async function predictTeachable(id: string, imageSize: number, bitmap: ImageBitmap): Promise<Float32Array> {
  const model = await modelFor(id);
  const input = teachableInput(bitmap, imageSize);
  const output = tf.tidy(() => model.predict(tf.tensor4d(input, [1, imageSize, imageSize, 3])) as tf.Tensor);
  try {
    return (await output.data()) as Float32Array;
  } finally {
    output.dispose();
  }
}

/** Forgets an imported model (its IndexedDB copy too). */
export async function removeTeachable(id: string): Promise<void> {
  if (loaded?.id === id) swapLoaded(undefined);
  await tf.io.removeModel(storeUrl(id)).catch(() => undefined);
}
