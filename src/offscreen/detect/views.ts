/**
 * How the detector sees a picture. CenterNet is fully convolutional: it takes any input whose sides
 * are multiples of 32 (detector.ts sets its frozen upsampling sizes to match). So it sees the whole
 * picture at the picture's own shape, never letterboxed into a square, at two pixel budgets: two
 * 512x512 squares' worth, where small things stay large enough to find (a 1200x600 picture at
 * 1024x512, 85 %), and 0.3 of a square, where large things shrink to the sizes the detector finds
 * (384x192). The old way, a 512x512 letterbox (half of it black bars) plus two square tiles, cost
 * 3 squares of work and cut things at the tiles' edges; this costs 2.3 and cuts nothing.
 */

/** The side of the square the detector was trained on; a small picture is enlarged to this long side. */
export const DETECTOR_SIZE = 512;
/** Each view's input holds at most this many 512x512 squares' pixels: the speed/recall knob (docs/DETECTION.md). */
export const VIEW_BUDGETS = [2, 0.3];
/** The detector's input sides are multiples of this (its coarsest feature map's stride). */
export const STRIDE = 32;
/** Its longest input side, whatever the picture's shape (a 10:1 banner is seen at most this long). */
const MAX_SIDE = 4 * DETECTOR_SIZE;

export interface View {
  /** The detector's input size, multiples of STRIDE. */
  inputWidth: number;
  inputHeight: number;
  /** Picture pixels to input pixels; the picture is drawn at the input's top left, the rest left black. */
  scale: number;
}

const fitStride = (side: number) => Math.max(STRIDE, Math.floor(side / STRIDE) * STRIDE);

function viewFor(width: number, height: number, squares: number): View {
  const long = Math.max(width, height);
  const budget = Math.sqrt((squares * DETECTOR_SIZE * DETECTOR_SIZE) / (width * height));
  // Never larger than the picture itself, except a small picture, enlarged to the trained size; never longer than MAX_SIDE.
  const wanted = Math.min(budget, Math.max(1, DETECTOR_SIZE / long), MAX_SIDE / long);
  const inputWidth = fitStride(width * wanted);
  const inputHeight = fitStride(height * wanted);
  return { inputWidth, inputHeight, scale: Math.min(inputWidth / width, inputHeight / height) };
}

export function detectionViews(width: number, height: number): View[] {
  const views: View[] = [];
  for (const squares of VIEW_BUDGETS) {
    const view = viewFor(width, height, squares);
    if (!views.some((v) => v.inputWidth === view.inputWidth && v.inputHeight === view.inputHeight)) views.push(view);
    // A small picture enlarged to the trained size is seen whole at that size: a smaller view adds nothing.
    if (view.scale > 1) break;
  }
  return views;
}
