/** Runs the backend plan: loads the model on each candidate in turn and keeps the fastest that works. */
import type { Backend, BackendDecision } from '../shared/types';
import type { BackendPlan } from './backend-plan';
import type { LoadedModel } from './model';

export interface ContestHooks {
  /** Loads the model on a backend; undefined when that backend cannot run it. */
  load(backend: Backend): Promise<LoadedModel | undefined>;
  /** Warms a loaded model up; when `timed`, returns its warm ms per image (else any number). */
  warmUp(model: LoadedModel, timed: boolean): Promise<number>;
  onWarming(backend: Backend): void;
}

export interface ContestResult {
  winner?: LoadedModel;
  timings: BackendDecision['timings'];
}

/**
 * Tries `plan.order` best first. Backends in `plan.measure` are all timed and the fastest kept;
 * otherwise the first that loads and warms up wins. Losers are disposed.
 */
export async function runBackendContest(plan: BackendPlan, hooks: ContestHooks): Promise<ContestResult> {
  const timings: BackendDecision['timings'] = {};
  let best: { model: LoadedModel; ms: number } | undefined;
  for (const backend of plan.order) {
    const measuring = plan.measure.includes(backend);
    if (best && !measuring) break;
    const model = await hooks.load(backend);
    if (!model) continue;
    hooks.onWarming(backend);
    try {
      const ms = await hooks.warmUp(model, measuring);
      timings[backend] = Math.round(ms);
      if (!best || ms < best.ms) {
        best?.model.dispose();
        best = { model, ms };
      } else {
        model.dispose();
      }
    } catch (error) {
      console.warn(`[glimpse] warm-up failed on ${backend}`, error);
      model.dispose();
    }
    if (best && !measuring) break;
  }
  return { winner: best?.model, timings };
}
