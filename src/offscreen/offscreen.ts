/** The offscreen document: hosts the engine (the service worker has no DOM, canvas or WebGL). */
import browser from 'webextension-polyfill';
import { toGlimpseError } from '../shared/errors';
import { listen, send } from '../shared/messaging';
import { devHandlers } from './dev-tools';
import { Engine } from './engine';
import { answerFrame } from './frames';
import { prepareCrop, prepareImage } from './prepare';
import { stage, stageCapture, takeStaged } from './staged-bytes';
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
    stageCapture(bytes, crops, (capture) => createImageBitmap(new Blob([capture], { type: mimeType })), prepareCrop);
    // A class's own model reads bytes: those crops wait for their requests, which send them.
    if (options.model && options.model.kind !== 'imagenet') return;
    for (const { id } of crops) {
      const found = takeStaged(id);
      if (found) answerAhead(id, () => engine.classifyViews(found.views, options, id));
    }
  },
  async 'classify-staged'({ id, format, jobId, ...options }) {
    const ahead = answeredAhead(id);
    if (ahead) return ahead;
    const found = takeStaged(id);
    if (!found) return null;
    const { bytes, views } = found;
    // A class's own model reads bytes: a crop of a capture is then sent as bytes after all.
    if (!bytes && options.model && options.model.kind !== 'imagenet') {
      views.discard();
      return null;
    }
    try {
      const value = bytes ? await engine.classify(bytes, options, { format, jobId, views }) : await engine.classifyViews(views, options, jobId);
      return { ok: true as const, value };
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
