/**
 * Which of the files given is which part of a Teachable Machine export, by what they hold (a
 * download may be renamed "model (1).json"): the JSON with `modelTopology` is the model, the JSON
 * with `labels` its metadata, the other file its weights.
 */
export interface TeachableExport {
  modelJson: string;
  metadata: string;
  weights: ArrayBuffer;
}

export type SortProblem = 'missing-files';

export async function sortTeachableFiles(files: readonly File[]): Promise<TeachableExport | SortProblem> {
  let modelJson: string | undefined;
  let metadata: string | undefined;
  let weights: ArrayBuffer | undefined;
  for (const file of files) {
    const bytes = await file.arrayBuffer();
    const text = bytes.byteLength < 8_000_000 ? new TextDecoder('utf-8', { fatal: false }).decode(bytes) : '';
    let json: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = /^\s*\{/.test(text) ? JSON.parse(text) : undefined;
      if (parsed && typeof parsed === 'object') json = parsed as Record<string, unknown>;
    } catch {
      json = undefined;
    }
    if (json && 'modelTopology' in json) modelJson = text;
    else if (json && ('labels' in json || 'imageSize' in json)) metadata = text;
    else if (/\.json$/i.test(file.name) && /metadata/i.test(file.name)) metadata = text;
    else if (/\.json$/i.test(file.name)) modelJson = text;
    else weights = bytes;
  }
  if (modelJson === undefined || metadata === undefined || weights === undefined) return 'missing-files';
  return { modelJson, metadata, weights };
}
