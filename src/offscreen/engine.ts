import * as mobilenet from '@tensorflow-models/mobilenet';
import { fail, GlimpseFailure } from '../shared/errors';
import { labelForClass } from '../shared/labels';
import { LIMITS, TOP_K } from '../shared/limits';
import { SerialQueue } from '../shared/queue';
import { softmax, topK } from '../shared/topk';
import type { Backend, BackendDecision, BackendPreference, Classification, EngineStats, EngineStatus } from '../shared/types';
import { decisionKeyFor, planBackends } from './backend-plan';
import { decodeImage } from './decode';
import { imagenetLogits, modelInputPixels, MODEL_INPUT_SIZE, thumbnailDataUrl, toModelInput } from './preprocess';
import { probeRenderer, type RendererInfo } from './renderer';
import { activateBackend, tf } from './tfjs';

type Net = mobilenet.MobileNet;
type StatusListener = (status: EngineStatus, decision?: BackendDecision) => void;

const TIMED_RUNS = 3;

/**
 * The library loads the model (and owns the version, alpha and input-range contract); its
 * GraphModel, kept on `model`, is then fed directly: the library's infer() would add a cast,
 * a rescale, a reshape and a slice per image, about 7 ms on WASM for nothing our own
 * preprocessing has not already done.
 */
const graphOf = (net: Net): tf.GraphModel => (net as unknown as { model: tf.GraphModel }).model;
const disposeNet = (net: Net): void => graphOf(net).dispose();

interface Loaded {
  net: Net;
  backend: Backend;
  preference: BackendPreference;
}

/** The one MobileNetV2 of this document: loaded once, warmed once, fed one image at a time. */
export class Engine {
  private artifacts?: Promise<tf.io.ModelArtifacts>;
  private loaded?: Loaded;
  private loading?: Promise<Loaded>;
  private readonly queue = new SerialQueue(LIMITS.maxQueuedJobs);
  private readonly renderer: RendererInfo = probeRenderer();
  private modelLoads = 0;
  private classified = 0;
  private status: EngineStatus = { state: 'idle' };

  constructor(
    private readonly modelUrl: string,
    private readonly onStatus: StatusListener,
  ) {}

  get currentStatus(): EngineStatus {
    return this.status;
  }

  stats(): EngineStats {
    const memory = tf.memory();
    return {
      numTensors: memory.numTensors,
      numBytes: memory.numBytes,
      backend: this.loaded?.backend,
      modelLoads: this.modelLoads,
      classified: this.classified,
      queued: this.queue.size,
    };
  }

  /** Loads and warms the model if needed; concurrent callers share one load. */
  ready(preference: BackendPreference, cached?: BackendDecision): Promise<Loaded> {
    if (this.loaded?.preference === preference) return Promise.resolve(this.loaded);
    const loading = this.loading ?? this.load(preference, cached).finally(() => {
      this.loading = undefined;
    });
    this.loading = loading;
    return loading;
  }

  /** Loads the model now, in turn with classifications, so a switch of backend never pulls a model from under a job. */
  warm(preference: BackendPreference, cached?: BackendDecision): Promise<EngineStatus> {
    return this.queue.run(async () => {
      await this.ready(preference, cached);
      return this.status;
    });
  }

  /**
   * One image at a time, in order. (Decoding the next image while the model works on the
   * current one was tried: on two cores it bought nothing measurable, so it is not done.)
   */
  classify(bytes: ArrayBuffer, preference: BackendPreference, cached?: BackendDecision): Promise<Classification> {
    return this.queue.run(async () => {
      const { net, backend } = await this.ready(preference, cached);
      const result = await this.infer(net, backend, await prepareImage(bytes));
      this.classified++;
      return result;
    });
  }

  /** Runs `job` with the loaded graph model, in turn with classifications (benchmarks). */
  withModel<T>(job: (model: tf.GraphModel, backend: Backend) => Promise<T>): Promise<T> {
    return this.queue.run(async () => {
      if (!this.loaded) return fail('engine', { detail: 'no model loaded yet' });
      return job(graphOf(this.loaded.net), this.loaded.backend);
    });
  }

  /** Bare model.predict on a zero 1x224x224x3 tensor: the floor the full path is compared with. */
  benchPredict(runs: number): Promise<{ backend: Backend; msPerRun: number }> {
    return this.queue.run(async () => {
      if (!this.loaded) return fail('engine', { detail: 'no model loaded yet' });
      const { net, backend } = this.loaded;
      const model = graphOf(net);
      const input = tf.zeros([1, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE, 3]);
      try {
        const once = async () => {
          const output = model.predict(input) as tf.Tensor;
          await output.data();
          output.dispose();
        };
        await once();
        const started = performance.now();
        for (let i = 0; i < runs; i++) await once();
        return { backend, msPerRun: (performance.now() - started) / runs };
      } finally {
        input.dispose();
      }
    });
  }

  private setStatus(status: EngineStatus, decision?: BackendDecision): void {
    this.status = status;
    this.onStatus(status, decision);
  }

  private fetchArtifacts(): Promise<tf.io.ModelArtifacts> {
    const handler = tf.io.http(this.modelUrl, {
      onProgress: (fraction: number) => this.setStatus({ state: 'loading', progress: fraction }),
    });
    this.artifacts ??= handler.load!();
    return this.artifacts;
  }

  private async buildNet(backend: Backend): Promise<Net | undefined> {
    if (!(await activateBackend(backend))) return undefined;
    try {
      const net = await mobilenet.load({
        version: 2,
        alpha: 1.0,
        inputRange: [0, 1],
        modelUrl: tf.io.fromMemory(await this.fetchArtifacts()),
      });
      this.modelLoads++;
      return net;
    } catch (error) {
      console.warn(`[glimpse] the model failed to load on ${backend}`, error);
      return undefined;
    }
  }

  /**
   * Warms a model up with one full-path run (compiling shaders, sizing buffers); when `timed`,
   * then returns its warm ms per image over a few more runs.
   */
  private async warmUp(net: Net, backend: Backend, timed: boolean): Promise<number> {
    const sample = warmUpImage();
    const start = performance.now();
    await this.run(net, backend, sample);
    if (!timed) return performance.now() - start;
    const timedStart = performance.now();
    for (let i = 0; i < TIMED_RUNS; i++) await this.run(net, backend, sample);
    return (performance.now() - timedStart) / TIMED_RUNS;
  }

  private async load(preference: BackendPreference, cached?: BackendDecision): Promise<Loaded> {
    this.disposeLoaded();
    this.setStatus({ state: 'loading', progress: 0 });
    const key = decisionKeyFor(this.renderer, tf.version_core);
    const plan = planBackends(preference, this.renderer, key, cached);
    const timings: BackendDecision['timings'] = {};
    let best: { net: Net; backend: Backend; ms: number } | undefined;

    for (const backend of plan.order) {
      const measuring = plan.measure.includes(backend);
      if (best && !measuring) break;
      const net = await this.buildNet(backend);
      if (!net) continue;
      this.setStatus({ state: 'warming', backend });
      try {
        const ms = await this.warmUp(net, backend, measuring);
        timings[backend] = Math.round(ms);
        if (!best || ms < best.ms) {
          if (best) disposeNet(best.net);
          best = { net, backend, ms };
        } else {
          disposeNet(net);
        }
      } catch (error) {
        console.warn(`[glimpse] warm-up failed on ${backend}`, error);
        disposeNet(net);
      }
      if (best && !measuring) break;
    }

    if (!best) {
      this.setStatus({ state: 'failed', detail: 'no backend could run the model' });
      throw new GlimpseFailure({ code: 'engine', detail: 'no backend could run the model' });
    }
    if (!(await activateBackend(best.backend))) fail('engine', { detail: `${best.backend} stopped working` });
    this.loaded = { net: best.net, backend: best.backend, preference };
    const decision = preference === 'auto' ? { key, backend: best.backend, timings } : undefined;
    this.setStatus({ state: 'ready', backend: best.backend }, decision);
    return this.loaded;
  }

  private disposeLoaded(): void {
    if (this.loaded) disposeNet(this.loaded.net);
    this.loaded = undefined;
  }

  private async run(net: Net, backend: Backend, bytes: ArrayBuffer): Promise<Classification> {
    return this.infer(net, backend, await prepareImage(bytes));
  }

  private async infer(net: Net, backend: Backend, image: PreparedImage): Promise<Classification> {
    const inferStarted = performance.now();
    const logits = tf.tidy(() => {
      const input = tf.tensor4d(image.input, [1, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE, 3]);
      return graphOf(net).predict(input) as tf.Tensor;
    });
    let values: Float32Array;
    try {
      values = (await logits.data()) as Float32Array;
    } finally {
      logits.dispose();
    }
    const inferenceMs = performance.now() - inferStarted;
    const predictions = topK(softmax(imagenetLogits(values)), TOP_K).map(({ classIndex, probability }) => ({
      ...labelForClass(classIndex),
      classIndex,
      probability,
    }));
    const round = (ms: number) => Math.round(ms * 10) / 10;
    return {
      predictions,
      backend,
      inferenceMs: round(inferenceMs),
      totalMs: round(image.prepareMs + performance.now() - inferStarted),
      width: image.width,
      height: image.height,
      thumbnail: image.thumbnail,
    };
  }
}

/** Everything the model needs from an image, made without the model. */
interface PreparedImage {
  /** RGB in [0, 1], 224x224, what the model takes. */
  input: Float32Array;
  thumbnail: string;
  width: number;
  height: number;
  prepareMs: number;
}

async function prepareImage(bytes: ArrayBuffer): Promise<PreparedImage> {
  const started = performance.now();
  const image = await decodeImage(bytes);
  try {
    return {
      input: toModelInput(modelInputPixels(image.bitmap)),
      thumbnail: thumbnailDataUrl(image.bitmap),
      width: image.width,
      height: image.height,
      prepareMs: performance.now() - started,
    };
  } finally {
    image.bitmap.close();
  }
}

let warmUpBytes: ArrayBuffer | undefined;

/** A small synthetic PNG-free image for warm-up: raw bytes of a BMP gradient, built once. */
function warmUpImage(): ArrayBuffer {
  if (warmUpBytes) return warmUpBytes;
  const size = MODEL_INPUT_SIZE + 32;
  const rowBytes = size * 3;
  const header = 54;
  const buffer = new ArrayBuffer(header + rowBytes * size);
  const view = new DataView(buffer);
  view.setUint8(0, 0x42);
  view.setUint8(1, 0x4d);
  view.setUint32(2, buffer.byteLength, true);
  view.setUint32(10, header, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, size, true);
  view.setInt32(22, size, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  const pixels = new Uint8Array(buffer, header);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const at = y * rowBytes + x * 3;
      pixels[at] = x;
      pixels[at + 1] = y;
      pixels[at + 2] = (x + y) >> 1;
    }
  }
  warmUpBytes = buffer;
  return buffer;
}
