/**
 * Checks a Teachable Machine image model's export before anything is loaded: `model.json` (a
 * TF.js layers model), its `weights.bin` and `metadata.json` (labels, imageSize, modelName).
 * Pure: a refusal says which part is wrong (custom-models.ts IMPORT_PROBLEMS).
 */
import type { ImportProblem } from '../../shared/custom-models';

export interface WeightSpec {
  name: string;
  shape: number[];
  dtype: 'float32' | 'int32' | 'bool';
}

export interface TeachableFiles {
  name: string;
  labels: string[];
  imageSize: number;
  modelTopology: object;
  weightSpecs: WeightSpec[];
  weightData: ArrayBuffer;
}

export class ImportRefused extends Error {
  constructor(readonly reason: ImportProblem, detail: string) {
    super(detail);
    this.name = 'ImportRefused';
  }
}

const refuse = (reason: ImportProblem, detail: string): never => {
  throw new ImportRefused(reason, detail);
};

function parse(text: string, file: string): Record<string, unknown> {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // Refused below.
  }
  return refuse('not-teachable', `${file} is not JSON`);
}

const BYTES_PER: Record<WeightSpec['dtype'], number> = { float32: 4, int32: 4, bool: 1 };

/** Bytes the weights of `specs` take, as TF.js lays them out in weights.bin. */
export function weightBytes(specs: readonly WeightSpec[]): number {
  return specs.reduce((sum, spec) => sum + spec.shape.reduce((n, d) => n * d, 1) * (BYTES_PER[spec.dtype] ?? 4), 0);
}

export function checkTeachableFiles(modelJson: string, weights: ArrayBuffer, metadataJson: string): TeachableFiles {
  const model = parse(modelJson, 'model.json');
  const metadata = parse(metadataJson, 'metadata.json');
  const topology = model.modelTopology as Record<string, unknown> | undefined;
  const manifest = model.weightsManifest as { weights?: unknown }[] | undefined;
  if (typeof topology !== 'object' || topology === null || !Array.isArray(manifest)) refuse('not-teachable', 'model.json is not a TF.js layers model');
  if (model.format !== undefined && model.format !== 'layers-model') refuse('not-teachable', `model.json is a ${String(model.format)}, not a layers model`);
  const labels = metadata.labels;
  if (!Array.isArray(labels) || labels.length < 1 || !labels.every((l) => typeof l === 'string' && l.trim())) {
    refuse('not-teachable', 'metadata.json has no class labels');
  }
  const imageSize = metadata.imageSize ?? 224;
  if (typeof imageSize !== 'number' || !Number.isInteger(imageSize) || imageSize < 8 || imageSize > 1024) {
    refuse('not-teachable', 'metadata.json has no usable imageSize');
  }
  const weightSpecs = manifest!.flatMap((group) => (Array.isArray(group.weights) ? group.weights : [])) as WeightSpec[];
  const specsOk = weightSpecs.length > 0 && weightSpecs.every((s) =>
    typeof s?.name === 'string' && Array.isArray(s.shape) && s.shape.every((d) => Number.isInteger(d) && d >= 0) && s.dtype in BYTES_PER);
  if (!specsOk) refuse('not-teachable', 'model.json lists no weights it can load');
  const expected = weightBytes(weightSpecs);
  if (weights.byteLength !== expected) refuse('broken-weights', `weights.bin holds ${weights.byteLength} bytes, model.json needs ${expected}`);
  const name = typeof metadata.modelName === 'string' && metadata.modelName.trim() ? metadata.modelName.trim().slice(0, 60) : 'Teachable Machine model';
  return {
    name, labels: (labels as string[]).map((l) => l.trim()), imageSize: imageSize as number,
    modelTopology: topology!, weightSpecs, weightData: weights,
  };
}
