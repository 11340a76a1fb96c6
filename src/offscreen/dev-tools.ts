/**
 * The engine's side of the development tools (benchmarks, and the measurements behind its choices).
 * Development builds only: store builds never import this module (`npm run package` checks).
 */
import { declareDevMessages } from '../shared/protocol';
import { devMessages } from '../shared/dev-protocol';
import type { Handlers } from '../shared/messaging';
import type { Engine } from './engine';
import { deletionTest, viewLogits } from './explain/bench';
import { MODEL_INPUT_SIZE } from './preprocess';
import { tf } from './tfjs';

/**
 * Bare predict on a zero batch of `batchSize`, `runs` times: the floor the full path is compared
 * with. The median run: a run the machine's other work slowed down says nothing of the model.
 */
async function timePredict(graph: tf.GraphModel, runs: number, batchSize = 1): Promise<number> {
  const input = tf.zeros([batchSize, MODEL_INPUT_SIZE, MODEL_INPUT_SIZE, 3]);
  const once = async () => {
    const output = graph.predict(input) as tf.Tensor;
    await output.data();
    output.dispose();
  };
  try {
    await once();
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const started = performance.now();
      await once();
      times.push(performance.now() - started);
    }
    return times.sort((a, b) => a - b)[Math.floor(times.length / 2)] ?? NaN;
  } finally {
    input.dispose();
  }
}

/** What the development tools ask of `engine`, by message. */
export function devHandlers(engine: Engine): Handlers<'dev'> {
  declareDevMessages(devMessages());
  return {
    'bench-predict': ({ runs, batch, ...options }) =>
      engine.withModel(options, async (model) => ({ backend: model.backend, msPerRun: await timePredict(model.graph, runs, batch) })),
    'bench-views': ({ bytes, ...options }) => engine.withModel(options, (model) => viewLogits(model.graph, bytes)),
    'bench-deletion': ({ bytes, method, seed, ...options }) => engine.withModel(options, (model) => deletionTest(model.graph, bytes, method, seed)),
  };
}
