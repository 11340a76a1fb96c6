/** The offscreen document: hosts the engine (the service worker has no DOM, canvas or WebGL). */
import browser from 'webextension-polyfill';
import { toGlimpseError } from '../shared/errors';
import { listen, send } from '../shared/messaging';
import { Engine } from './engine';
import { deletionTest, viewLogits } from './explain/bench';
import { answerFrame } from './frames';

const engine = new Engine(browser.runtime.getURL('model/model.json'), (status, decision) => {
  send('background', 'engine-status', { status, decision }).catch(() => {
    // The service worker may be asleep; it asks for the status again when it needs it.
  });
});

listen('offscreen', {
  async classify({ bytes, format, jobId, ...options }) {
    try {
      return { ok: true as const, value: await engine.classify(bytes, options, { format, jobId }) };
    } catch (error) {
      return { ok: false as const, error: toGlimpseError(error) };
    }
  },
  async warm(options) {
    try {
      return await engine.warm(options);
    } catch (error) {
      return { state: 'failed' as const, detail: toGlimpseError(error).detail };
    }
  },
  thumbnail: ({ jobId }) => engine.thumbnail(jobId),
  stats: () => engine.stats(),
  'bench-predict': ({ runs, batch }) => engine.benchPredict(runs, batch),
  'bench-views': ({ bytes, ...options }) => engine.withModel(options, (model) => viewLogits(model.graph, bytes)),
  'bench-deletion': ({ bytes, method, seed, ...options }) => engine.withModel(options, (model) => deletionTest(model.graph, bytes, method, seed)),
  async 'classify-frame'({ frame, ...options }) {
    try {
      return { ok: true as const, value: await engine.withModel(options, (model) => answerFrame(model, frame)) };
    } catch (error) {
      return { ok: false as const, error: toGlimpseError(error) };
    }
  },
});
