/**
 * The development tools in Firefox, whose background page hosts the engine itself: the same
 * requests as Chrome's dev-tools.ts, handled right here. Development builds only.
 */
import type { ExplainMethod } from '../shared/dev-protocol';
import { devHandlers } from '../offscreen/dev-tools';
import type * as ChromeDevTools from './dev-tools';
import { engineHere } from './engine-host.firefox';
import { engineOptions } from './engine-options';

const handle = () => devHandlers(engineHere());
// Development tools only: the handlers never look at the sender.
const noSender = {};

export const benchPredict = async (runs: number, batch?: number) =>
  handle()['bench-predict']({ runs, batch, ...(await engineOptions()) }, noSender);
export const benchViews = async (bytes: ArrayBuffer) => handle()['bench-views']({ bytes, ...(await engineOptions()) }, noSender);
export const benchDeletion = async (bytes: ArrayBuffer, method: ExplainMethod, seed: number) =>
  handle()['bench-deletion']({ bytes, method, seed, ...(await engineOptions()) }, noSender);

// The same functions as Chrome's, checked by the compiler.
({ benchPredict, benchViews, benchDeletion }) satisfies typeof ChromeDevTools;
