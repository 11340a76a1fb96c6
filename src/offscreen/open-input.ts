/**
 * A converted graph declares its image input's height and width (224x224, 512x512), and TF.js
 * refuses any other size. A convolutional network runs at any size: this leaves the input's height
 * and width open (in the graph's placeholder and in its signature, where it has one).
 */
import type * as tf from './tfjs-parts';

type Dims = { size: string }[];
interface Topology {
  node: { name: string; attr?: { shape?: { shape?: { dim?: Dims } } } }[];
}
type Signature = { inputs?: Record<string, { name?: string; tensorShape?: { dim?: Dims } }> };

const openSides = (dims: Dims) => {
  dims[1]!.size = '-1';
  dims[2]!.size = '-1';
};

/** `artifacts` with the image input `inputName` ([N, H, W, 3]) open in H and W; throws when the graph has no such input. */
export function openImageSides(artifacts: tf.io.ModelArtifacts, inputName: string): tf.io.ModelArtifacts {
  const topology = structuredClone(artifacts.modelTopology) as Topology;
  const dims = topology.node.find((node) => node.name === inputName)?.attr?.shape?.shape?.dim;
  if (dims?.length !== 4) throw new Error(`the graph has no image input "${inputName}"`);
  openSides(dims);
  const signature = artifacts.signature ? (structuredClone(artifacts.signature) as Signature) : undefined;
  for (const input of Object.values(signature?.inputs ?? {})) {
    if (input.name?.replace(/:0$/, '') === inputName && input.tensorShape?.dim?.length === 4) openSides(input.tensorShape.dim);
  }
  return { ...artifacts, modelTopology: topology, ...(signature ? { signature } : {}) };
}
