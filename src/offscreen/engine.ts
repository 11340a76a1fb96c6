/**
 * The one MobileNetV2 of this document: loaded once, warmed once, fed in turn. The Engine keeps
 * the queue, the status and the counters; loading and running the model (model.ts), choosing a
 * backend (backend-plan.ts, backend-contest.ts) and preparing images (prepare.ts) live apart.
 */
import { fail, GlimpseFailure } from '../shared/errors';
import { LIMITS } from '../shared/limits';
import type { ImageFormat } from '../shared/sniff';
import { SerialQueue } from './queue';
import type { Backend, BackendDecision, BackendPreference, Classification, Detection, EngineOptions, EngineStats, EngineStatus } from '../shared/types';
import { runBackendContest } from './backend-contest';
import { decisionKeyFor, planBackends } from './backend-plan';
import { stepContentFree } from './explain/answer';
import { ImageBatches } from './image-batches';
import { LateThumbnails } from './late-thumbnails';
import { nextTask } from './next-task';
import { prepareImage, type LaterViews } from './prepare';
import { ObjectFinder } from './detect/object-finder';
import { LoadedModel } from './model';
import { ModelFiles } from './model-files';
import { thumbnailDataUrl } from './preprocess';
import { probeRenderer, type RendererInfo } from './renderer';
import { activateBackend, configureWasmThreads, runningWasmThreads, tf } from './tfjs';
import { warmUp } from './warm-up';
import { CustomEngine } from './custom/custom-engine';

type StatusListener = (status: EngineStatus, decision?: BackendDecision) => void;

/** About one image: what the service worker already knows of its bytes, and the id to collect its thumbnail by. */
export interface ImageJob {
  /** What the service worker's sniff found (the bytes are not sniffed again). */
  format?: ImageFormat;
  /** When given, the answer goes without its thumbnail, which `thumbnail(jobId)` hands out after. */
  jobId?: string;
  /** The picture's views when they are made otherwise than from the bytes (sent ahead: staged-bytes.ts). */
  views?: LaterViews;
}

interface Loaded {
  model: LoadedModel;
  preference: BackendPreference;
}

export class Engine {
  private readonly files: ModelFiles;
  private readonly finder: ObjectFinder;
  private loaded?: Loaded;
  private loading?: Promise<Loaded>;
  private readonly queue = new SerialQueue(LIMITS.maxQueuedJobs);
  /** Probed when the model first loads, not as the document starts: a WebGL context takes 50-60 ms then (docs/SPEED.md). */
  private renderer?: RendererInfo;
  /** ImageNet pictures sent and not yet answered (their thumbnails wait while there are any). */
  private classifying = 0;
  private readonly thumbnails = new LateThumbnails(() => this.classifying > 0);
  private readonly batches = new ImageBatches();
  private readonly prepared = new WeakSet<LoadedModel>();
  private modelLoads = 0;
  private classified = 0;
  private status: EngineStatus = { state: 'idle' };
  /** The class's own models and teaching (custom/), in turn with everything else. */
  readonly custom = new CustomEngine((options, job) => this.withModel(options, job), this.thumbnails);

  constructor(
    modelUrl: string,
    private readonly onStatus: StatusListener,
  ) {
    this.files = new ModelFiles(modelUrl);
    this.finder = new ObjectFinder(new URL('detector/centernet.json', modelUrl).href);
  }

  get currentStatus(): EngineStatus {
    return this.status;
  }

  stats(): EngineStats {
    // Before a backend has started there are no tensors, and asking tf.memory() would start one.
    const memory = tf.getBackend() ? tf.memory() : { numTensors: 0, numBytes: 0 };
    return {
      numTensors: memory.numTensors,
      numBytes: memory.numBytes,
      backend: this.loaded?.model.backend,
      modelLoads: this.modelLoads,
      classified: this.classified,
      batches: this.batches.runs,
      queued: this.queue.size,
    };
  }

  /** Loads and warms the model if needed; concurrent callers share one load. */
  private ready(options: EngineOptions): Promise<Loaded> {
    if (this.loaded?.preference === options.backend) return Promise.resolve(this.loaded);
    const loading = this.loading ?? this.load(options).finally(() => {
      this.loading = undefined;
    });
    this.loading = loading;
    return loading;
  }

  /** Loads the model now, in turn with classifications, so a switch of backend never pulls a model from under a job. */
  warm(options: EngineOptions): Promise<EngineStatus> {
    return this.queue.run(async () => {
      await this.ready(options);
      return this.status;
    });
  }

  /**
   * Runs `job` with the loaded model, in turn with classifications (nothing else uses the model
   * meanwhile). For work beyond one image per call, e.g. batches of crops: `model.logits([...])`.
   */
  withModel<T>(options: EngineOptions, job: (model: LoadedModel) => Promise<T>): Promise<T> {
    return this.queue.run(async () => job((await this.ready(options)).model));
  }

  /**
   * Answers in order; images already waiting when one's turn comes go through the model with it
   * (image-batches.ts). (Decoding the next image while the model works on the current one was
   * tried: on two cores it bought nothing measurable, so it is not done.)
   */
  async classify(bytes: ArrayBuffer, options: EngineOptions, { format, jobId, views }: ImageJob = {}): Promise<Classification> {
    this.refuseWhenFull(views);
    if (options.model && options.model.kind !== 'imagenet') {
      views?.discard();
      return this.custom.classify(bytes, options, options.model, { format, jobId });
    }
    return this.classifyViews(views ?? { take: () => prepareImage(bytes, format), discard: () => undefined }, options, jobId);
  }

  /** An ImageNet answer for a picture known by its views only (a crop of a page scan's capture: capture-views.ts). */
  async classifyViews(views: LaterViews, options: EngineOptions, jobId?: string): Promise<Classification> {
    this.refuseWhenFull(views);
    const waiting = this.batches.add({ views, group: options.backend });
    this.classifying++;
    const outcome = await this.withModel(options, async (model) => {
      // Pictures sent together (a page scan's screenful) whose messages are already here join this one's batch.
      if (!waiting.outcome) await nextTask();
      await this.batches.run(model, waiting);
      this.prepareAfterFirstAnswer(model);
      return waiting.outcome!;
    }).catch((error: unknown) => {
      this.batches.drop(waiting);
      if (!waiting.outcome) views.discard();
      throw error;
    }).finally(() => {
      if (--this.classifying === 0) this.thumbnails.resume();
    });
    if ('error' in outcome) throw outcome.error;
    const { image, result } = outcome;
    this.classified++;
    if (jobId !== undefined) {
      this.thumbnails.keep(jobId, image.bitmap);
      return result;
    }
    try {
      return { ...result, thumbnail: thumbnailDataUrl(image.bitmap) };
    } finally {
      image.bitmap.close();
    }
  }

  private refuseWhenFull(views: LaterViews | undefined): void {
    if (!this.queue.isFull) return;
    views?.discard();
    fail('busy', { detail: `${this.queue.size} jobs already queued` });
  }

  /**
   * Asks, once per loaded model, its answer for pictures of nothing (explain/answer.ts), which the
   * first far-from-square picture would otherwise wait for: after the first answer has gone out
   * (never before it: a warm-up as the user right-clicks must not make that answer wait), one
   * picture per turn, each behind whatever waits.
   */
  private prepareAfterFirstAnswer(model: LoadedModel): void {
    if (this.prepared.has(model)) return;
    this.prepared.add(model);
    const step = async (): Promise<void> => {
      await nextTask();
      if (this.loaded?.model !== model) return;
      if (!(await stepContentFree(model))) void this.queue.run(step).catch(() => undefined);
    };
    void this.queue.run(step).catch(() => undefined);
  }

  /** The things in a picture and where they are (detect/): the detector loads on first use, each step in turn with answers. */
  detect(bytes: ArrayBuffer, options: EngineOptions, { format }: ImageJob = {}): Promise<Detection> {
    return this.finder.find(bytes, format, (job) => this.withModel(options, job));
  }

  /** The thumbnail of an answer given without one ('' when unknown or forgotten). */
  thumbnail(jobId: string): Promise<string> {
    return this.thumbnails.take(jobId);
  }

  /** Lets go of the thumbnail of an answer nobody will collect. */
  forgetThumbnail(jobId: string): void {
    this.thumbnails.forget(jobId);
  }

  /** Frees the model (after the jobs already queued); the next request loads it again. */
  dispose(): Promise<void> {
    return this.queue.run(async () => {
      this.loaded?.model.dispose();
      this.loaded = undefined;
      this.finder.dispose();
    });
  }

  private setStatus(status: EngineStatus, decision?: BackendDecision): void {
    this.status = status;
    this.onStatus(status, decision);
  }

  private readonly fileProgress = (fraction: number) => this.setStatus({ state: 'loading', progress: fraction });

  private async loadModel(backend: Backend): Promise<LoadedModel | undefined> {
    // The backend starts (WASM compiles) while the weights are read.
    const [artifacts] = await Promise.all([this.files.load(this.fileProgress), activateBackend(backend)]);
    const model = await LoadedModel.load(backend, artifacts);
    if (model) this.modelLoads++;
    return model;
  }

  private async load({ backend: preference, decision: cached, maxThreads }: EngineOptions): Promise<Loaded> {
    configureWasmThreads(maxThreads);
    this.loaded?.model.dispose();
    this.loaded = undefined;
    // The detector lives on the classifier's backend: it is built again with the next model.
    this.finder.dispose();
    this.setStatus({ state: 'loading', progress: 0 });
    // The files are read while the renderer is probed (its WebGL context waits on the GPU process).
    this.files.load(this.fileProgress).catch(() => undefined);
    this.renderer ??= probeRenderer();
    const key = decisionKeyFor(this.renderer, tf.version_core);
    const plan = planBackends(preference, this.renderer, key, cached);
    const { winner, timings } = await runBackendContest(plan, {
      load: (backend) => this.loadModel(backend),
      warmUp,
      onWarming: (backend) => this.setStatus({ state: 'warming', backend }),
    });
    if (!winner) {
      this.setStatus({ state: 'failed', detail: 'no backend could run the model' });
      throw new GlimpseFailure({ code: 'engine', detail: 'no backend could run the model' });
    }
    if (!(await activateBackend(winner.backend))) fail('engine', { detail: `${winner.backend} stopped working` });
    this.loaded = { model: winner, preference };
    const decision = preference === 'auto' ? { key, backend: winner.backend, timings } : undefined;
    const threads = winner.backend === 'wasm' ? runningWasmThreads() : undefined;
    this.setStatus({ state: 'ready', backend: winner.backend, ...(threads ? { threads } : {}) }, decision);
    return this.loaded;
  }
}
