/**
 * Measurement only (test-hook builds; `npm run measure-onscreen -- --only formats`): one area of
 * the visible tab captured in a given format and identified the way a click's capture is.
 */
import { captureArea } from './capture';
import { setCaptureOptions, type CaptureOptions } from './capture-format';
import { classifyBytes } from './engine-host';
import type { ScreenArea } from '../shared/types';

export async function measureCapture(tabId: number, windowId: number, area: ScreenArea, options: CaptureOptions): Promise<{ classes: number[]; ms: number }> {
  setCaptureOptions(options);
  try {
    const started = performance.now();
    const bytes = await captureArea(tabId, windowId, area);
    const ms = performance.now() - started;
    return { classes: (await classifyBytes(bytes)).predictions.map((p) => p.classIndex), ms };
  } finally {
    setCaptureOptions(undefined);
  }
}
