/** The popup's imports of Teachable Machine models and their removal: the engine keeps the files, the store lists them. */
import { IMAGENET_CHOICE, tmChoice, tmIdOf, type ImportOutcome } from '../../shared/custom-models';
import { toGlimpseError } from '../../shared/errors';
import { chosenModel, importedModels } from '../../shared/store';
import { importModel, removeModel } from '../engine-host';

/** Imports an export and makes it the model that answers; a refusal changes nothing. */
export async function importTeachableModel(files: { modelJson: string; weights: ArrayBuffer; metadata: string }): Promise<ImportOutcome> {
  let outcome: ImportOutcome;
  try {
    outcome = await importModel(files);
  } catch (error) {
    return { ok: false, reason: 'engine', detail: toGlimpseError(error).detail };
  }
  if (!outcome.ok) return outcome;
  await importedModels.setValue([...(await importedModels.getValue()), outcome.model]);
  await chosenModel.setValue(tmChoice(outcome.model.id));
  return outcome;
}

export async function removeTeachableModel(id: string): Promise<void> {
  await importedModels.setValue((await importedModels.getValue()).filter((m) => m.id !== id));
  if (tmIdOf(await chosenModel.getValue()) === id) await chosenModel.setValue(IMAGENET_CHOICE);
  await removeModel(id).catch((error: unknown) => console.warn('[glimpse] could not remove the model files', error));
}
