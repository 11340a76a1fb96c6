/**
 * The CenterNet detector (COCO 80; docs/MODELS.md): its files are fetched once per document, the
 * graph built on whichever backend the classifier runs on. It sees the whole picture at the
 * picture's own shape (views.ts; centernet-graph.ts runs the graph at any size), pixel values
 * 0-255, and answers boxes in the picture's pixels.
 */
import { tf } from '../tfjs';
import { detectPeaks, loadCenterNet } from './centernet-graph';
import { DETECTOR_SIZE, type View } from './views';

export interface RawBox {
  box: [number, number, number, number];
  score: number;
  /** COCO class, 0-based. */
  cocoIndex: number;
}

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

export class Detector {
  private constructor(private readonly graph: tf.GraphModel) {}

  /** Builds the graph on the active backend from fetched artifacts, and runs it once (compiling its kernels). */
  static async load(artifacts: tf.io.ModelArtifacts): Promise<Detector> {
    const graph = await loadCenterNet(artifacts);
    const zeros = tf.zeros([1, DETECTOR_SIZE, DETECTOR_SIZE, 3]);
    try {
      await detectPeaks(graph, zeros, 1);
    } finally {
      zeros.dispose();
    }
    return new Detector(graph);
  }

  /** Boxes in the bitmap scoring at least `minScore`, in the bitmap's pixels. */
  async run(bitmap: ImageBitmap, view: View, minScore: number): Promise<RawBox[]> {
    const pixels = inputPixels(bitmap, view);
    const input = tf.tidy(() => tf.browser.fromPixels(pixels).toFloat().expandDims(0));
    let peaks;
    try {
      peaks = await detectPeaks(this.graph, input, minScore);
    } finally {
      input.dispose();
    }
    const toPicture = (value: number, extent: number) => Math.min(extent, Math.max(0, value / view.scale));
    return peaks
      .map(({ box: [x0, y0, x1, y1], score, cocoIndex }): RawBox => ({
        box: [toPicture(x0, bitmap.width), toPicture(y0, bitmap.height), toPicture(x1, bitmap.width), toPicture(y1, bitmap.height)],
        score,
        cocoIndex,
      }))
      .filter(({ box }) => box[2] - box[0] >= 2 && box[3] - box[1] >= 2);
  }

  dispose(): void {
    this.graph.dispose();
  }
}
