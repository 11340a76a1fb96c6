/**
 * What the engine is asked to answer with, from the user's choice: part of every request's engine
 * options (engine-options.ts), so right-clicks, scans, region select, uploads and the camera all
 * answer with the chosen model. A choice that no longer exists (a removed model, no taught class
 * left) answers with ImageNet. Built once per change of what it is made of, not per request.
 */
import { IMAGENET_CHOICE, TAUGHT_CHOICE, tmIdOf, type ModelRequest } from '../../shared/custom-models';
import { t } from '../../shared/i18n';
import { chosenModel, importedModels, taughtClasses } from '../../shared/store';
import { decodeEmbedding, usableClasses, type TaughtSet } from '../../shared/taught-set';

let cached: Promise<ModelRequest | undefined> | undefined;
let watching = false;

/** Each class's embeddings as one n x 1280 float32 buffer. */
function taughtRequest(set: TaughtSet): ModelRequest | undefined {
  const classes = usableClasses(set).map(({ name, examples }) => {
    const vectors = examples.map((example) => decodeEmbedding(example.embedding));
    const all = new Float32Array(vectors.reduce((n, v) => n + v.length, 0));
    vectors.reduce((at, v) => (all.set(v, at), at + v.length), 0);
    return { name, embeddings: all.buffer };
  });
  return classes.length > 0 ? { kind: 'taught', name: t('modelTaught'), classes } : undefined;
}

async function build(): Promise<ModelRequest | undefined> {
  const choice = await chosenModel.getValue();
  if (choice === IMAGENET_CHOICE) return undefined;
  if (choice === TAUGHT_CHOICE) return taughtRequest(await taughtClasses.getValue());
  const id = tmIdOf(choice);
  const model = id === undefined ? undefined : (await importedModels.getValue()).find((m) => m.id === id);
  return model ? { kind: 'tm', id: model.id, name: model.name, labels: model.labels, imageSize: model.imageSize } : undefined;
}

/** The chosen model's request (undefined: ImageNet). */
export function chosenModelRequest(): Promise<ModelRequest | undefined> {
  if (!watching) {
    watching = true;
    const forget = () => {
      cached = undefined;
    };
    chosenModel.watch(forget);
    importedModels.watch(forget);
    taughtClasses.watch(forget);
  }
  cached ??= build().catch((error: unknown) => {
    console.warn('[glimpse] could not read the chosen model; answering with ImageNet', error);
    cached = undefined;
    return undefined;
  });
  return cached;
}
