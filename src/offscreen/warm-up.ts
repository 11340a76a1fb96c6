/** Warming a model up before the first answer: a small synthetic picture, and the runs that time a backend. */
import { classifyPrepared } from './image-batches';
import type { LoadedModel } from './model';
import { prepareImage } from './prepare';
import { MODEL_INPUT_SIZE } from './preprocess';

const TIMED_RUNS = 3;

let warmUpBytes: ArrayBuffer | undefined;

/** A small synthetic image for warm-up: the raw bytes of a 24-bit BMP gradient, built once. */
function warmUpImage(): ArrayBuffer {
  if (warmUpBytes) return warmUpBytes;
  const size = MODEL_INPUT_SIZE + 32;
  const rowBytes = size * 3;
  const header = 54;
  const buffer = new ArrayBuffer(header + rowBytes * size);
  const view = new DataView(buffer);
  view.setUint8(0, 0x42);
  view.setUint8(1, 0x4d);
  view.setUint32(2, buffer.byteLength, true);
  view.setUint32(10, header, true);
  view.setUint32(14, 40, true);
  view.setInt32(18, size, true);
  view.setInt32(22, size, true);
  view.setUint16(26, 1, true);
  view.setUint16(28, 24, true);
  const pixels = new Uint8Array(buffer, header);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const at = y * rowBytes + x * 3;
      pixels[at] = x;
      pixels[at + 1] = y;
      pixels[at + 2] = (x + y) >> 1;
    }
  }
  warmUpBytes = buffer;
  return buffer;
}

/**
 * Warms up what the first answer would otherwise pay for: the library's load ran the bare model
 * once, but the first answer's full path (decoding, the views, the heat-map, the statistics) took
 * about 165 ms against 30 ms for the next one. One full run on a small picture moves that cost
 * here: when the engine starts ahead of the click (with the browser, at the right-click), the
 * first answer takes about 65 ms once it is ready; when the click waits for the load anyway, the
 * total is about the same (docs/SPEED.md). When `timed` (a backend contest), more full runs
 * follow and their warm ms per image is returned.
 */
export async function warmUp(model: LoadedModel, timed: boolean): Promise<number> {
  const run = async () => {
    const image = await prepareImage(warmUpImage());
    try {
      await classifyPrepared(model, [image]);
    } finally {
      image.bitmap.close();
    }
  };
  const start = performance.now();
  await run();
  if (!timed) return performance.now() - start;
  const timedStart = performance.now();
  for (let i = 0; i < TIMED_RUNS; i++) await run();
  return (performance.now() - timedStart) / TIMED_RUNS;
}
