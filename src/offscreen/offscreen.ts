/** The offscreen document: hosts the engine (the service worker has no DOM, canvas or WebGL). */
import browser from 'webextension-polyfill';
import { toGlimpseError } from '../shared/errors';
import { listen, send } from '../shared/messaging';
import { devHandlers } from './dev-tools';
import { Engine } from './engine';
import { answerFrame } from './frames';
import { prepareCrop, prepareImage } from './prepare';
import { stage, takeStaged } from './staged-bytes';
import { capturedViews } from './capture-views';
import { answerAhead, answeredAhead } from './answered-ahead';

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
  async detect({ bytes, format, ...options }) {
    try {
      return { ok: true as const, value: await engine.detect(bytes, options, { format }) };
    } catch (error) {
      return { ok: false as const, error: toGlimpseError(error) };
    }
  },
  stage: ({ id, bytes }) => stage(id, bytes, prepareImage),
  'stage-capture': ({ bytes, mimeType, crops, ...options }) => {
    const views = capturedViews(bytes, crops.map(({ area }) => area), (capture) => createImageBitmap(new Blob([capture], { type: mimeType })), prepareCrop);
    // The scan asked for every one of them: they go to the model now, before their requests come.
    crops.forEach(({ id }, i) => answerAhead(id, () => engine.classifyViews(views[i]!, options, id), () => engine.forgetThumbnail(id)));
  },
  async 'classify-staged'({ id, format, jobId, ...options }) {
    const ahead = answeredAhead(id);
    if (ahead) return ahead;
    const found = takeStaged(id);
    if (!found) return null;
    try {
      return { ok: true as const, value: await engine.classify(found.bytes, options, { format, jobId, views: found.views }) };
    } catch (error) {
      return { ok: false as const, error: toGlimpseError(error) };
    }
  },
  thumbnail: ({ jobId }) => engine.thumbnail(jobId),
  stats: () => engine.stats(),
  async embed({ bytes, format, ...options }) {
    try {
      return { ok: true as const, value: await engine.custom.embed(bytes, options, format) };
    } catch (error) {
      return { ok: false as const, error: toGlimpseError(error) };
    }
  },
  'import-model': ({ modelJson, weights, metadata, ...options }) => engine.custom.importModel(options, { modelJson, weights, metadata }),
  'remove-model': async ({ id, ...options }) => {
    await engine.custom.removeModel(options, id);
    return { removed: true as const };
  },
  async 'classify-frame'({ frame, ...options }) {
    try {
      return { ok: true as const, value: await engine.withModel(options, (model) => answerFrame(model, frame)) };
    } catch (error) {
      return { ok: false as const, error: toGlimpseError(error) };
    }
  },
});

// Benchmarks and measurements: development builds only (store builds leave the module out).
if (__GLIMPSE_TEST_HOOKS__) listen('dev', devHandlers(engine));
