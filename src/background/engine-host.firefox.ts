/**
 * Where the engine lives in Firefox: right here, in the background page (it has the DOM, canvas
 * and WebAssembly an offscreen document gives Chrome). Replaces engine-host.ts in the Firefox
 * build (see scripts/build/browsers.ts) and offers the same functions.
 *
 * Firefox suspends the background page ~30 s after its last event, whatever is open: the next
 * event starts it afresh and the model loads again (the right-click's warm-up starts that early).
 */
import browser from 'webextension-polyfill';
import { Engine } from '../offscreen/engine';
import { GlimpseFailure, toGlimpseError } from '../shared/errors';
import type { ImageFormat } from '../shared/sniff';
import type { Classification, Detection, EngineStats, EngineStatus, FrameAnswer, RawFrame, ScreenArea } from '../shared/types';
import type { CaptureType } from '../shared/protocol';
import { answerFrame } from '../offscreen/frames';
import { backendDecision, engineStatus } from '../shared/store';
import type * as ChromeHost from './engine-host';
import type { ImportOutcome } from '../shared/custom-models';
import { engineOptions } from './engine-options';

let engine: Engine | undefined;

// A new background page has no engine yet, and a suspended one takes its engine with it.
void engineStatus.setValue({ state: 'idle' });
browser.runtime.onSuspend?.addListener(() => void engineStatus.setValue({ state: 'idle' }));


/** The engine of this page (made on first use). */
export function engineHere(): Engine {
  engine ??= new Engine(browser.runtime.getURL('model/model.json'), (status, decision) => {
    void engineStatus.setValue(status);
    if (decision) void backendDecision.setValue(decision);
  });
  return engine;
}

/** The engine is part of this page: nothing to create. */
export async function ensureEngineDocument(): Promise<void> {
  engineHere();
}

/** Drops the engine and its model (tests use it to simulate a fresh start); the next request loads it again. */
export async function closeEngineDocument(): Promise<void> {
  const closing = engine;
  engine = undefined;
  await closing?.dispose();
  await engineStatus.setValue({ state: 'idle' });
}

export async function classifyBytes(bytes: ArrayBuffer, format?: ImageFormat): Promise<Classification> {
  const options = await engineOptions();
  try {
    return await engineHere().classify(bytes, options, { format });
  } catch (error) {
    throw new GlimpseFailure(toGlimpseError(error));
  }
}

/** Nothing to send ahead: the engine is in this page, no message carries the bytes. */
export async function stageForEngine(_id: string, _bytes: ArrayBuffer): Promise<void> {}

/** Nothing to send ahead: the capture's crops are made here. */
export async function stageCaptureForEngine(_capture: { bytes: ArrayBuffer; mimeType: CaptureType }, _crops: { id: string; area: ScreenArea }[]): Promise<boolean> {
  return false;
}

/** As in Chrome: the answer first, its thumbnail (made just after) collected later. */
export async function classifyAnswerFirst(bytes: ArrayBuffer | (() => Promise<ArrayBuffer>), format: ImageFormat, _staged?: string): Promise<{ classification: Classification; thumbnail(): Promise<string> }> {
  const options = await engineOptions();
  const jobId = crypto.randomUUID();
  const current = engineHere();
  try {
    const classification = await current.classify(typeof bytes === 'function' ? await bytes() : bytes, options, { format, jobId });
    return { classification, thumbnail: async () => current.thumbnail(jobId) };
  } catch (error) {
    throw new GlimpseFailure(toGlimpseError(error));
  }
}

export async function detectBytes(bytes: ArrayBuffer, format?: ImageFormat): Promise<Detection> {
  const options = await engineOptions();
  try {
    return await engineHere().detect(bytes, options, { format });
  } catch (error) {
    throw new GlimpseFailure(toGlimpseError(error));
  }
}

export async function warmEngine(): Promise<EngineStatus> {
  const options = await engineOptions();
  try {
    return await engineHere().warm(options);
  } catch (error) {
    return { state: 'failed', detail: toGlimpseError(error).detail };
  }
}

export const engineStats = async (): Promise<EngineStats> => engineHere().stats();

export async function embedBytes(bytes: ArrayBuffer, format: ImageFormat): Promise<{ embedding: ArrayBuffer; thumbnail: string }> {
  try {
    return await engineHere().custom.embed(bytes, await engineOptions(), format);
  } catch (error) {
    throw new GlimpseFailure(toGlimpseError(error));
  }
}

export const importModel = async (files: { modelJson: string; weights: ArrayBuffer; metadata: string }): Promise<ImportOutcome> =>
  engineHere().custom.importModel(await engineOptions(), files);

export const removeModel = async (id: string): Promise<void> => engineHere().custom.removeModel(await engineOptions(), id);

export async function classifyFrame(frame: RawFrame): Promise<FrameAnswer> {
  const options = await engineOptions();
  try {
    return await engineHere().withModel(options, (model) => answerFrame(model, frame));
  } catch (error) {
    throw new GlimpseFailure(toGlimpseError(error));
  }
}

// The same functions as Chrome's host, checked by the compiler.
({
  ensureEngineDocument, closeEngineDocument, stageForEngine, stageCaptureForEngine, classifyBytes, classifyAnswerFirst, warmEngine, engineStats, detectBytes,
  embedBytes, importModel, removeModel, classifyFrame,
}) satisfies Omit<typeof ChromeHost, 'callEngine'>;
