/**
 * Where the engine lives in Firefox: right here, in the background page (it has the DOM, canvas
 * and WebAssembly an offscreen document gives Chrome). Replaces engine-host.ts in the Firefox
 * build (see scripts/build/browsers.ts) and offers the same functions.
 *
 * Firefox suspends the background page ~30 s after its last event, whatever is open: the next
 * event starts it afresh and the model loads again (see model-cache.ts for what keeps that short).
 */
import browser from 'webextension-polyfill';
import { Engine } from '../offscreen/engine';
import { GlimpseFailure, toGlimpseError } from '../shared/errors';
import type { ImageFormat } from '../shared/sniff';
import type { Classification, EngineStats, EngineStatus, ExplainMethod } from '../shared/types';
import type { FrameAnswer, RawFrame } from '../shared/types';
import { answerFrame } from '../offscreen/frames';
import { deletionTest, viewLogits } from '../offscreen/explain/bench';
import { backendDecision, engineStatus } from '../shared/store';
import type * as ChromeHost from './engine-host';
import { engineOptions } from './engine-options';

let engine: Engine | undefined;

// A new background page has no engine yet, and a suspended one takes its engine with it.
void engineStatus.setValue({ state: 'idle' });
browser.runtime.onSuspend?.addListener(() => void engineStatus.setValue({ state: 'idle' }));


function theEngine(): Engine {
  engine ??= new Engine(browser.runtime.getURL('model/model.json'), (status, decision) => {
    void engineStatus.setValue(status);
    if (decision) void backendDecision.setValue(decision);
  });
  return engine;
}

/** The engine is part of this page: nothing to create. */
export async function ensureEngineDocument(): Promise<void> {
  theEngine();
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
    return await theEngine().classify(bytes, options, { format });
  } catch (error) {
    throw new GlimpseFailure(toGlimpseError(error));
  }
}

/** As in Chrome: the answer first, its thumbnail (made just after) collected later. */
export async function classifyAnswerFirst(bytes: ArrayBuffer, format: ImageFormat): Promise<{ classification: Classification; thumbnail(): Promise<string> }> {
  const options = await engineOptions();
  const jobId = crypto.randomUUID();
  const current = theEngine();
  try {
    const classification = await current.classify(bytes, options, { format, jobId });
    return { classification, thumbnail: async () => current.thumbnail(jobId) };
  } catch (error) {
    throw new GlimpseFailure(toGlimpseError(error));
  }
}

export async function warmEngine(): Promise<EngineStatus> {
  const options = await engineOptions();
  try {
    return await theEngine().warm(options);
  } catch (error) {
    return { state: 'failed', detail: toGlimpseError(error).detail };
  }
}

export const engineStats = async (): Promise<EngineStats> => theEngine().stats();

export const benchPredict = (runs: number, batch?: number): Promise<{ backend: string; msPerRun: number }> => theEngine().benchPredict(runs, batch);

export const benchViews = async (bytes: ArrayBuffer) =>
  theEngine().withModel(await engineOptions(), (model) => viewLogits(model.graph, bytes));
export const benchDeletion = async (bytes: ArrayBuffer, method: ExplainMethod, seed: number) =>
  theEngine().withModel(await engineOptions(), (model) => deletionTest(model.graph, bytes, method, seed));

export async function classifyFrame(frame: RawFrame): Promise<FrameAnswer> {
  const options = await engineOptions();
  try {
    return await theEngine().withModel(options, (model) => answerFrame(model, frame));
  } catch (error) {
    throw new GlimpseFailure(toGlimpseError(error));
  }
}

// The same functions as Chrome's host, checked by the compiler.
({
  ensureEngineDocument, closeEngineDocument, classifyBytes, classifyAnswerFirst, warmEngine, engineStats, benchPredict, benchViews,
  benchDeletion, classifyFrame,
}) satisfies typeof ChromeHost;
