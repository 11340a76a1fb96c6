/**
 * Where the engine lives. In Chrome that is an offscreen document (the service worker has no
 * DOM or WebGL); this module is the only one that knows it. The Firefox build, whose background
 * page has a DOM, swaps in engine-host.firefox.ts instead.
 */
import { GlimpseFailure } from '../shared/errors';
import { LIMITS } from '../shared/limits';
import { send } from '../shared/messaging';
import { isDisconnect, type CaptureType } from '../shared/protocol';
import type { ImageFormat } from '../shared/sniff';
import type { ImportOutcome } from '../shared/custom-models';
import { engineStatus } from '../shared/store';
import type { Classification, Detection, EngineStats, EngineStatus, FrameAnswer, RawFrame, ScreenArea } from '../shared/types';
import { engineOptions } from './engine-options';
import { closeOffscreenDocument, createOffscreenDocument, hasOffscreenDocument } from './offscreen-document';

let creating: Promise<void> | undefined;

const LISTENER_WAIT_MS = 15_000;
/** Asking again this often costs nothing (the document answers once its module has run) and starts the engine sooner. */
const LISTENER_POLL_MS = 10;

/** createDocument can resolve before the document's (large) module has run: wait until it answers. */
async function waitForEngineListener(): Promise<void> {
  const deadline = Date.now() + LISTENER_WAIT_MS;
  for (;;) {
    try {
      if (await send('offscreen', 'stats', {})) return;
    } catch (error) {
      if (!isDisconnect(error) || Date.now() > deadline) throw error;
    }
    await new Promise((resolve) => setTimeout(resolve, LISTENER_POLL_MS));
  }
}

/** Creates the offscreen document unless it exists; concurrent callers share one creation. */
export async function ensureEngineDocument(): Promise<void> {
  if (await hasOffscreenDocument()) return creating;
  creating ??= createOffscreenDocument('Decodes image blobs and runs the on-device recognition model (needs canvas and WebGL).')
    .catch(async (error: unknown) => {
      if (!(await hasOffscreenDocument())) throw error;
    })
    .then(() => engineStatus.setValue({ state: 'idle' }))
    .then(waitForEngineListener)
    .finally(() => {
      creating = undefined;
    });
  await creating;
}

export async function closeEngineDocument(): Promise<void> {
  if (await hasOffscreenDocument()) await closeOffscreenDocument().catch(() => undefined);
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new GlimpseFailure({ code: 'interrupted', detail: `engine gave no answer in ${ms} ms` })), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/**
 * Sends a request to the engine. If the document went away mid-request (closed, crashed),
 * it is created again and the request sent once more (`attempts`); a hung engine is closed, so
 * the next request starts afresh.
 */
export async function callEngine<T>(request: () => Promise<T>, { attempts = 2 } = {}): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    await ensureEngineDocument();
    try {
      const answer = await withTimeout(request(), LIMITS.engineTimeoutMs);
      if (answer === undefined) throw new Error('Receiving end does not exist (no answer)');
      return answer;
    } catch (error) {
      if (error instanceof GlimpseFailure) {
        await closeEngineDocument();
        throw error;
      }
      if (attempt >= attempts || !isDisconnect(error)) {
        throw new GlimpseFailure({ code: 'interrupted', detail: String(error) });
      }
    }
  }
}

/** Identifies bytes; the answer carries its thumbnail. `format`: what a sniff of these bytes found (else the engine sniffs). */
export async function classifyBytes(bytes: ArrayBuffer, format?: ImageFormat): Promise<Classification> {
  const settings = await engineOptions();
  const outcome = await callEngine(() => send('offscreen', 'classify', { bytes, ...settings, format }));
  if (!outcome.ok) throw new GlimpseFailure(outcome.error);
  return outcome.value;
}

/**
 * Sends bytes to the engine ahead of their identification (`classifyAnswerFirst` with `staged`
 * then names them): only to an engine already running; lost ones are sent again with the request.
 */
export async function stageForEngine(id: string, bytes: ArrayBuffer): Promise<void> {
  if (creating || !(await hasOffscreenDocument())) return;
  await send('offscreen', 'stage', { id, bytes }).catch(() => undefined);
}

/**
 * Sends a page scan's capture to the engine with the areas of its pictures, each under the id an
 * identification will name (`classifyAnswerFirst` with `staged`), which it starts on at once:
 * only to an engine already running, and only when ImageNet answers (a class's own model reads
 * each picture's bytes). True once the engine has them.
 */
export async function stageCaptureForEngine(capture: { bytes: ArrayBuffer; mimeType: CaptureType }, crops: { id: string; area: ScreenArea }[]): Promise<boolean> {
  if (creating || !(await hasOffscreenDocument())) return false;
  const settings = await engineOptions();
  if (settings.model && settings.model.kind !== 'imagenet') return false;
  return send('offscreen', 'stage-capture', { ...capture, crops, ...settings }).then(() => true, () => false);
}

/**
 * Identifies bytes whose format a sniff already found; the answer comes first, without its
 * thumbnail (made by the engine once the answer is out), which `thumbnail()` collects after.
 * `staged`: the id the bytes were sent ahead under (stageForEngine, stageCaptureForEngine), if
 * they were; `bytes` may be made only when the engine no longer has them.
 */
export async function classifyAnswerFirst(bytes: ArrayBuffer | (() => Promise<ArrayBuffer>), format: ImageFormat, staged?: string): Promise<{ classification: Classification; thumbnail(): Promise<string> }> {
  const settings = await engineOptions();
  // A picture sent ahead is known by its id from the start (the engine may start on it before this request).
  const jobId = staged ?? crypto.randomUUID();
  let outcome = staged === undefined ? null
    : await callEngine(() => send('offscreen', 'classify-staged', { id: staged, ...settings, format, jobId }), { attempts: 1 }).catch(() => null);
  if (!outcome) {
    const sent = typeof bytes === 'function' ? await bytes() : bytes;
    outcome = await callEngine(() => send('offscreen', 'classify', { bytes: sent, ...settings, format, jobId }));
  }
  if (!outcome.ok) throw new GlimpseFailure(outcome.error);
  return { classification: outcome.value, thumbnail: () => send('offscreen', 'thumbnail', { jobId }).catch(() => '') };
}

/** The things in a picture (after its identification). `format`: what a sniff of these bytes found. */
export async function detectBytes(bytes: ArrayBuffer, format?: ImageFormat): Promise<Detection> {
  const settings = await engineOptions();
  // Not sent again into a new document: the things found are extra, and a fresh engine's first
  // job should be the next identification, not a detection lost with the old document.
  const outcome = await callEngine(() => send('offscreen', 'detect', { bytes, ...settings, format }), { attempts: 1 });
  if (!outcome.ok) throw new GlimpseFailure(outcome.error);
  return outcome.value;
}

export async function warmEngine(): Promise<EngineStatus> {
  // The document (the long part of a start: a process, then its script) is asked for while the
  // settings are read, not after.
  void ensureEngineDocument().catch(() => undefined);
  const settings = await engineOptions();
  return callEngine(() => send('offscreen', 'warm', settings));
}

export const engineStats = (): Promise<EngineStats> => callEngine(() => send('offscreen', 'stats', {}));

/** A picture's embedding and small thumbnail, to teach it (custom/custom-engine.ts). */
export async function embedBytes(bytes: ArrayBuffer, format: ImageFormat): Promise<{ embedding: ArrayBuffer; thumbnail: string }> {
  const settings = await engineOptions();
  const outcome = await callEngine(() => send('offscreen', 'embed', { bytes, ...settings, format }));
  if (!outcome.ok) throw new GlimpseFailure(outcome.error);
  return outcome.value;
}

/** Hands a Teachable Machine export to the engine, which checks and keeps it. */
export async function importModel(files: { modelJson: string; weights: ArrayBuffer; metadata: string }): Promise<ImportOutcome> {
  const settings = await engineOptions();
  return callEngine(() => send('offscreen', 'import-model', { ...files, ...settings }));
}

export async function removeModel(id: string): Promise<void> {
  const settings = await engineOptions();
  await callEngine(() => send('offscreen', 'remove-model', { id, ...settings }));
}

/** A live frame's answer (raw pixels in, no thumbnail out). */
export async function classifyFrame(frame: RawFrame): Promise<FrameAnswer> {
  const settings = await engineOptions();
  const outcome = await callEngine(() => send('offscreen', 'classify-frame', { frame, ...settings }));
  if (!outcome.ok) throw new GlimpseFailure(outcome.error);
  return outcome.value;
}
