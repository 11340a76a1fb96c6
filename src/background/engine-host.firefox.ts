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
import type { Classification, EngineStats, EngineStatus } from '../shared/types';
import { backendDecision, engineStatus } from '../shared/store';
import type * as ChromeHost from './engine-host';
import { engineOptions } from './engine-options';

let engine: Engine | undefined;


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

export async function classifyBytes(bytes: ArrayBuffer): Promise<Classification> {
  const options = await engineOptions();
  try {
    return await theEngine().classify(bytes, options);
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

export const benchPredict = (runs: number): Promise<{ backend: string; msPerRun: number }> => theEngine().benchPredict(runs);

// The same functions as Chrome's host, checked by the compiler.
({ ensureEngineDocument, closeEngineDocument, classifyBytes, warmEngine, engineStats, benchPredict }) satisfies typeof ChromeHost;
