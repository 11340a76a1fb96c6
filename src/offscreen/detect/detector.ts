/**
 * The CenterNet detector (COCO 80; docs/MODELS.md): its files are fetched once per document, the
 * graph built on whichever backend the classifier runs on. It sees the whole picture at the
 * picture's own shape (views.ts), pixel values 0-255, and answers boxes in the picture's pixels.
 *
 * The converted graph was frozen for a 512x512 input: its three upsampling sizes are constants and
 * its built-in decoding assumes a 128x128 heat-map. The network itself is fully convolutional, so
 * the input's declared shape is opened up, the upsampling sizes are set for each input shape, and
 * the heat-map is decoded here (the same steps as the graph's own: 3x3 peak, top 100, box from the
 * peak's cell and its four distances, stride 4).
 */
import { tf } from '../tfjs';
import { DETECTOR_SIZE, type View } from './views';

export interface RawBox {
  box: [number, number, number, number];
  score: number;
  /** COCO class, 0-based. */
  cocoIndex: number;
}

const INPUT = 'tower_0/images';
const HEAT = 'tower_0/keypoints';
const DISTANCES = 'tower_0/wh';
/** The graph's upsampling sizes, from the coarsest (1/16 of the input) to the finest (1/4). */
const UPSAMPLE_SIZES = [
  'tower_0/CenternetHead/c5_upsample/up_sampling2d/mul',
  'tower_0/CenternetHead/c4_upsample/up_sampling2d_1/mul',
  'tower_0/CenternetHead/c3_upsample/up_sampling2d_2/mul',
];
const CLASSES = 80;
/** Heat-map cell size in input pixels. */
const CELL = 4;
const TOP = 100;

let canvas: OffscreenCanvasRenderingContext2D | undefined;

/** The picture drawn at the input's top left at the view's scale; the rest is black. */
function inputPixels(bitmap: ImageBitmap, view: View): ImageData {
  if (!canvas) {
    const context = new OffscreenCanvas(view.inputWidth, view.inputHeight).getContext('2d', { willReadFrequently: true, alpha: false });
    if (!context) throw new Error('no 2D canvas context');
    canvas = context;
  }
  const context = canvas;
  if (context.canvas.width !== view.inputWidth || context.canvas.height !== view.inputHeight) {
    context.canvas.width = view.inputWidth;
    context.canvas.height = view.inputHeight;
  }
  context.fillStyle = '#000';
  context.fillRect(0, 0, view.inputWidth, view.inputHeight);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, 0, 0, bitmap.width * view.scale, bitmap.height * view.scale);
  return context.getImageData(0, 0, view.inputWidth, view.inputHeight);
}

/** The graph's topology with its input's height and width left open. */
function openInputShape(artifacts: tf.io.ModelArtifacts): tf.io.ModelArtifacts {
  const topology = structuredClone(artifacts.modelTopology) as { node: { name: string; attr?: { shape?: { shape?: { dim?: { size: string }[] } } } }[] };
  const dims = topology.node.find((node) => node.name === INPUT)?.attr?.shape?.shape?.dim;
  if (dims?.length !== 4) throw new Error('the detector has no image input');
  dims[1]!.size = '-1';
  dims[2]!.size = '-1';
  return { ...artifacts, modelTopology: topology };
}

export class Detector {
  private constructor(private readonly graph: tf.GraphModel) {}

  /** Builds the graph on the active backend from fetched artifacts, and runs it once (compiling its kernels). */
  static async load(artifacts: tf.io.ModelArtifacts): Promise<Detector> {
    const graph = await tf.loadGraphModel(tf.io.fromMemory(openInputShape(artifacts)));
    for (const name of UPSAMPLE_SIZES) if (!graph.weights[name]) throw new Error(`the detector has no ${name}`);
    const detector = new Detector(graph);
    tf.dispose(detector.heatAndDistances(tf.zeros([1, DETECTOR_SIZE, DETECTOR_SIZE, 3])));
    return detector;
  }

  /** Runs the graph with its upsampling sizes set for this input (then put back), and disposes the input. */
  private heatAndDistances(input: tf.Tensor): [tf.Tensor, tf.Tensor] {
    const [, height, width] = input.shape as number[];
    const frozen = UPSAMPLE_SIZES.map((name) => this.graph.weights[name]!);
    const sizes = UPSAMPLE_SIZES.map((_, i) => tf.tensor1d([(height! / 16) * 2 ** i, (width! / 16) * 2 ** i], 'int32'));
    try {
      // The graph reads its constants from this map on every (synchronous) run.
      UPSAMPLE_SIZES.forEach((name, i) => (this.graph.weights[name] = [sizes[i]!]));
      return this.graph.execute(input, [HEAT, DISTANCES]) as [tf.Tensor, tf.Tensor];
    } finally {
      UPSAMPLE_SIZES.forEach((name, i) => (this.graph.weights[name] = frozen[i]!));
      tf.dispose([...sizes, input]);
    }
  }

  /** Boxes in the bitmap scoring at least `minScore`, in the bitmap's pixels. */
  async run(bitmap: ImageBitmap, view: View, minScore: number): Promise<RawBox[]> {
    const pixels = inputPixels(bitmap, view);
    const [heat, distances] = this.heatAndDistances(tf.tidy(() => tf.browser.fromPixels(pixels).toFloat().expandDims(0)));
    const top = tf.tidy(() => {
      const peaks = tf.mul(heat, tf.cast(tf.equal(heat, tf.maxPool(heat as tf.Tensor4D, 3, 1, 'same')), 'float32'));
      const { values, indices } = tf.topk(tf.reshape(peaks, [-1]), TOP);
      const cells = tf.floorDiv(indices, tf.scalar(CLASSES, 'int32'));
      return [values, indices, tf.gather(tf.reshape(distances, [-1, 4]), cells)];
    });
    tf.dispose([heat, distances]);
    let scores: Float32Array, indices: Int32Array, sides: Float32Array;
    try {
      [scores, indices, sides] = (await Promise.all(top.map((t) => t.data()))) as [Float32Array, Int32Array, Float32Array];
    } finally {
      tf.dispose(top);
    }
    const columns = view.inputWidth / CELL;
    const clamp = (value: number, extent: number) => Math.min(extent, Math.max(0, value / view.scale));
    const boxes: RawBox[] = [];
    for (let k = 0; k < scores.length; k++) {
      const score = scores[k]!;
      if (!(score >= minScore)) break;
      const cell = Math.floor(indices[k]! / CLASSES);
      const x = (cell % columns) * CELL;
      const y = Math.floor(cell / columns) * CELL;
      const [left, up, right, down] = [sides[4 * k]!, sides[4 * k + 1]!, sides[4 * k + 2]!, sides[4 * k + 3]!];
      const box: RawBox['box'] = [clamp(x - left, bitmap.width), clamp(y - up, bitmap.height), clamp(x + right, bitmap.width), clamp(y + down, bitmap.height)];
      if (box[2] - box[0] < 2 || box[3] - box[1] < 2) continue;
      boxes.push({ box, score, cocoIndex: indices[k]! % CLASSES });
    }
    return boxes;
  }

  dispose(): void {
    this.graph.dispose();
  }
}
