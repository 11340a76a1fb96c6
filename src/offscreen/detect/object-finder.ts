/**
 * Finds the things in a picture, after its identification: the detector loads on first use (its
 * files fetched once per document), built on the classifier's backend and dropped with it.
 */
import { decodeImage } from '../decode';
import type { LoadedModel } from '../model';
import { ModelFiles } from '../model-files';
import type { ImageFormat } from '../../shared/sniff';
import type { Detection, FoundObject } from '../../shared/types';
import { Detector } from './detector';
import { findObjects, type Turn } from './find-objects';

const round = (value: number) => Math.round(value * 10) / 10;

export class ObjectFinder {
  private readonly files: ModelFiles;
  private current?: { model: LoadedModel; detector: Detector };

  constructor(detectorUrl: string) {
    this.files = new ModelFiles(detectorUrl);
  }

  async find(bytes: ArrayBuffer, format: ImageFormat | undefined, turn: Turn): Promise<Detection> {
    const started = performance.now();
    const artifacts = await this.files.load(() => undefined);
    const { bitmap, width, height } = await decodeImage(bytes, format);
    try {
      const { detector, backend } = await turn(async (model) => ({ detector: await this.detectorFor(model, artifacts), backend: model.backend }));
      const { objects, steps } = await findObjects(bitmap, detector, turn);
      const sx = width / bitmap.width;
      const sy = height / bitmap.height;
      const inPicture = objects.map((object): FoundObject => {
        const [x0, y0, x1, y1] = object.box;
        return { ...object, box: [round(x0 * sx), round(y0 * sy), round(x1 * sx), round(y1 * sy)] };
      });
      const stepsMs = { ...steps, detectorMs: round(steps.detectorMs), classifierMs: round(steps.classifierMs) };
      return { objects: inPicture, width, height, backend, totalMs: round(performance.now() - started), steps: stepsMs };
    } finally {
      bitmap.close();
    }
  }

  /** The detector on `model`'s backend (a new classifier, e.g. after a backend switch, gets a new detector). */
  private async detectorFor(model: LoadedModel, artifacts: Awaited<ReturnType<ModelFiles['load']>>): Promise<Detector> {
    if (this.current?.model === model) return this.current.detector;
    this.dispose();
    const detector = await Detector.load(artifacts);
    this.current = { model, detector };
    return detector;
  }

  dispose(): void {
    this.current?.detector.dispose();
    this.current = undefined;
  }
}
