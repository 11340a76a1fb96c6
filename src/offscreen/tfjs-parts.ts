/**
 * The parts of TF.js the engine's document loads with it: the core ops, the graph-model loader
 * and (in tfjs.ts) the WASM backend. The WebGL and CPU backends load when chosen, the Layers API
 * when a Teachable Machine model runs (tfjs.ts): on a machine without a GPU, they were half the
 * document's script, read and compiled before it could start loading the model (docs/SPEED.md).
 */
import '@tensorflow/tfjs-core/dist/public/chained_ops/register_all_chained_ops';

export * from '@tensorflow/tfjs-core';
export { GraphModel, loadGraphModel } from '@tensorflow/tfjs-converter';
export type { LayersModel } from '@tensorflow/tfjs-layers';
