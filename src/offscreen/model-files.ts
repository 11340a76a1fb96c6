/** Fetches the model's files from inside the extension, once per document. */
import { tf } from './tfjs';

export type Progress = (fraction: number) => void;

export class ModelFiles {
  private artifacts?: Promise<tf.io.ModelArtifacts>;

  constructor(private readonly modelUrl: string) {}

  /** The model's topology and weights; concurrent and later callers share the first fetch. */
  load(onProgress: Progress): Promise<tf.io.ModelArtifacts> {
    this.artifacts ??= tf.io.http(this.modelUrl, { onProgress }).load!();
    return this.artifacts;
  }
}
