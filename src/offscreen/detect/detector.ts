/**
 * The CenterNet detector (COCO 80; docs/MODELS.md): its files are fetched once per document, the
 * graph built on whichever backend the classifier runs on. It looks at one region of a picture at
 * a time, letterboxed into its 512x512 input (pixel values 0-255), and answers boxes in the
 * picture's pixels.
 */
import type { Rect } from '../../shared/geometry';
import { tf } from '../tfjs';
import { DETECTOR_SIZE } from './views';

export interface RawBox {
  box: [number, number, number, number];
  score: number;
  /** COCO class, 0-based. */
  cocoIndex: number;
}

const OUTPUT = 'tower_0/detections';

let canvas: OffscreenCanvasRenderingContext2D | undefined;

function letterboxContext(): OffscreenCanvasRenderingContext2D {
  if (!canvas) {
    const context = new OffscreenCanvas(DETECTOR_SIZE, DETECTOR_SIZE).getContext('2d', { willReadFrequently: true, alpha: false });
    if (!context) throw new Error('no 2D canvas context');
    canvas = context;
  }
  return canvas;
}

/** The region drawn at the top left of the 512 square, scaled to fit; the rest is black. Returns the scale used. */
function letterbox(bitmap: ImageBitmap, region: Rect): { pixels: ImageData; scale: number } {
  const context = letterboxContext();
  const scale = DETECTOR_SIZE / Math.max(region.width, region.height);
  context.fillStyle = '#000';
  context.fillRect(0, 0, DETECTOR_SIZE, DETECTOR_SIZE);
  context.imageSmoothingEnabled = true;
  context.imageSmoothingQuality = 'high';
  context.drawImage(bitmap, region.x, region.y, region.width, region.height, 0, 0, region.width * scale, region.height * scale);
  return { pixels: context.getImageData(0, 0, DETECTOR_SIZE, DETECTOR_SIZE), scale };
}

export class Detector {
  private constructor(private readonly graph: tf.GraphModel) {}

  /** Builds the graph on the active backend from fetched artifacts, and runs it once (compiling its kernels). */
  static async load(artifacts: tf.io.ModelArtifacts): Promise<Detector> {
    const graph = await tf.loadGraphModel(tf.io.fromMemory(artifacts));
    const detector = new Detector(graph);
    const zeros = tf.zeros([1, DETECTOR_SIZE, DETECTOR_SIZE, 3]);
    try {
      const out = (await graph.executeAsync(zeros, OUTPUT)) as tf.Tensor;
      out.dispose();
    } finally {
      zeros.dispose();
    }
    return detector;
  }

  /** Boxes in `region` of the bitmap scoring at least `minScore`, in the bitmap's pixels. */
  async run(bitmap: ImageBitmap, region: Rect, minScore: number): Promise<RawBox[]> {
    const { pixels, scale } = letterbox(bitmap, region);
    const input = tf.tidy(() => tf.browser.fromPixels(pixels).toFloat().expandDims(0));
    let rows: Float32Array;
    try {
      const output = (await this.graph.executeAsync(input, OUTPUT)) as tf.Tensor;
      try {
        rows = (await output.data()) as Float32Array;
      } finally {
        output.dispose();
      }
    } finally {
      input.dispose();
    }
    const boxes: RawBox[] = [];
    const clampX = (v: number) => Math.min(region.x + region.width, Math.max(region.x, region.x + v / scale));
    const clampY = (v: number) => Math.min(region.y + region.height, Math.max(region.y, region.y + v / scale));
    for (let i = 0; i + 5 < rows.length; i += 6) {
      const score = rows[i + 4]!;
      if (!(score >= minScore)) continue;
      const box: RawBox['box'] = [clampX(rows[i]!), clampY(rows[i + 1]!), clampX(rows[i + 2]!), clampY(rows[i + 3]!)];
      if (box[2] - box[0] < 2 || box[3] - box[1] < 2) continue;
      boxes.push({ box, score, cocoIndex: Math.round(rows[i + 5]!) });
    }
    return boxes;
  }

  dispose(): void {
    this.graph.dispose();
  }
}
