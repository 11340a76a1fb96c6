/**
 * The class's own models, besides ImageNet: Teachable Machine models imported in the popup, and
 * the classes taught by example ("My classes"). What is chosen, what the engine is asked to run
 * (part of every request's engine options) and which model an answer came from.
 */
import { array, arrayBuffer, number, object, oneOf, string, variant, type Infer } from './validate';

/** The popup's choice: 'imagenet', 'taught', or `tm:<id>` for an imported model. */
export type ModelChoice = string;
export const IMAGENET_CHOICE = 'imagenet';
export const TAUGHT_CHOICE = 'taught';
export const tmChoice = (id: string): ModelChoice => `tm:${id}`;
export const tmIdOf = (choice: ModelChoice): string | undefined => (choice.startsWith('tm:') ? choice.slice(3) : undefined);

/** MobileNetV2's penultimate features (the 1280 channels of its last block, averaged over the picture). */
export const EMBEDDING_LENGTH = 1280;

/** What the engine answers with. A taught set's embeddings go as one buffer per class: n x 1280 float32. */
export const modelRequest = variant('kind', {
  imagenet: object({}),
  tm: object({ id: string, name: string, labels: array(string), imageSize: number }),
  taught: object({ name: string, classes: array(object({ name: string, embeddings: arrayBuffer })) }),
});
export type ModelRequest = Infer<typeof modelRequest>;

/** Which model gave an answer (absent: ImageNet, as every answer from before this existed). */
export const answerModel = object({ kind: oneOf(['tm', 'taught'] as const), name: string });
export type AnswerModel = Infer<typeof answerModel>;

/** An imported Teachable Machine model, as the popup lists it (its files are in the engine's IndexedDB). */
export const importedModel = object({
  id: string, name: string, labels: array(string), imageSize: number, importedAt: number,
  /** Size of its weights. */
  bytes: number,
});
export type ImportedModel = Infer<typeof importedModel>;

/** Why an import was refused (each has a message: `importProblem_<reason>`). */
export const IMPORT_PROBLEMS = ['missing-files', 'not-teachable', 'broken-weights', 'labels-mismatch', 'not-image-model', 'engine'] as const;
export type ImportProblem = (typeof IMPORT_PROBLEMS)[number];
export type ImportOutcome = { ok: true; model: ImportedModel } | { ok: false; reason: ImportProblem; detail?: string };
