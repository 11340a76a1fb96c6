/** What the engine is asked to run with, from the user's settings and the machine's stored decision (both browsers' hosts). */
import { backendDecision, backendPreference, engineMaxThreads } from '../shared/store';
import type { EngineOptions } from '../shared/types';
import { chosenModelRequest } from './custom/model-request';

export async function engineOptions(): Promise<EngineOptions> {
  const [backend, decision, maxThreads] = await Promise.all([backendPreference.getValue(), backendDecision.getValue(), engineMaxThreads.getValue()]);
  const model = await chosenModelRequest();
  return { backend, decision, maxThreads, ...(model ? { model } : {}) };
}
