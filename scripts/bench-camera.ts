/**
 * The camera view's pace on Chromium's fake camera (a Y4M of dev photos, 640x480 at 30 fps):
 * answers a second, the video's frame rate in the view meanwhile, the milliseconds one frame
 * takes (engine and round trip), and the CPU the whole browser uses (cores, from /proc).
 * `npm run bench` adds camera_fps= to its summary line; alone: `tsx scripts/bench-camera.ts`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir, loadavg } from 'node:os';
import { join } from 'node:path';
import { launchWithExtension, until } from '../harness/chromium';
import { ensureBuilt } from '../harness/engine-session';
import { confidentScenes, fakeCameraFlags, photoFrames, writeY4m } from '../harness/fake-media';

export interface CameraBench {
  answersPerSecond: number;
  videoFps: number;
  /** Median ms from reading a frame to its answer in the page... as the engine reports (pixels to answer). */
  engineMs: number;
  /** Cores the whole browser kept busy (1.0 = one core). */
  cpuCores: number;
  loadavg: string;
}

const TICKS_PER_SECOND = 100;

/** CPU ticks used so far by `root` and every process under it. */
function treeTicks(root: number): number {
  const parents = new Map<number, number>();
  const ticks = new Map<number, number>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parents.set(Number(name), Number(fields[1]));
      ticks.set(Number(name), Number(fields[11]) + Number(fields[12]));
    } catch {
      // Gone meanwhile.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let at: number | undefined = pid, hops = 0; at && hops < 64; at = parents.get(at), hops++) if (at === root) return true;
    return false;
  };
  let sum = 0;
  for (const [pid, used] of ticks) if (inTree(pid)) sum += used;
  return sum;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;

export async function benchCamera(seconds = 15): Promise<CameraBench> {
  ensureBuilt();
  const dir = await mkdtemp(join(tmpdir(), 'glimpse-bench-camera-'));
  const y4m = join(dir, 'camera.y4m');
  const scenes = confidentScenes(4);
  await writeY4m(y4m, await photoFrames(scenes.map((s) => s.file), 640, 480), { width: 640, height: 480, fps: 30, secondsPerPhoto: 2 });
  const ext = await launchWithExtension({ extraArgs: fakeCameraFlags(y4m) });
  try {
    const page = await ext.browser.newPage();
    await page.goto(`chrome-extension://${ext.extensionId}/src/camera/index.html`);
    type Log = { log: { at: number; totalMs: number }[] };
    const count = () => page.evaluate(() => (globalThis as { glimpseCamera?: Log }).glimpseCamera?.log.length ?? 0);
    // Warm: the model loaded and a few seconds of steady answers.
    await until(async () => (await count()) > 20, 'the camera view to answer', 180_000);
    const pid = ext.browser.process()?.pid;
    const ticksBefore = pid ? treeTicks(pid) : 0;
    // tsx names the page function's inner functions with a helper the page does not have.
    await page.evaluate('globalThis.__name = (f) => f');
    const started = Date.now();
    const { answers, frames, engineMs } = await page.evaluate(async (ms: number) => {
      const video = document.querySelector('video')!;
      const state = (globalThis as unknown as { glimpseCamera: Log }).glimpseCamera;
      const first = state.log.length;
      let frames = 0;
      const onFrame = () => {
        frames++;
        video.requestVideoFrameCallback(onFrame);
      };
      video.requestVideoFrameCallback(onFrame);
      await new Promise((resolve) => setTimeout(resolve, ms));
      const window = state.log.slice(first);
      return { answers: window.length, frames, engineMs: window.map((entry) => entry.totalMs) };
    }, seconds * 1000);
    const wall = (Date.now() - started) / 1000;
    const ticks = pid ? treeTicks(pid) - ticksBefore : Number.NaN;
    return {
      answersPerSecond: answers / wall, videoFps: frames / wall, engineMs: median(engineMs),
      cpuCores: ticks / TICKS_PER_SECOND / wall, loadavg: loadavg().map((n) => n.toFixed(2)).join(' '),
    };
  } finally {
    await ext.close();
    await rm(dir, { recursive: true, force: true });
  }
}

export const cameraSummary = (r: CameraBench): string =>
  `camera view: ${r.answersPerSecond.toFixed(1)} answers/s, video ${r.videoFps.toFixed(1)} fps, engine ${r.engineMs.toFixed(1)} ms/frame, ` +
  `browser CPU ${r.cpuCores.toFixed(2)} cores (loadavg ${r.loadavg})`;

if (process.argv[1]?.endsWith('bench-camera.ts')) {
  const result = await benchCamera();
  console.log(cameraSummary(result));
  console.log(`bench-camera: camera_fps=${result.answersPerSecond.toFixed(1)} video_fps=${result.videoFps.toFixed(1)} cpu_cores=${result.cpuCores.toFixed(2)}`);
}
