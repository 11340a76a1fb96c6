/**
 * npm run measure-explain -- --images DIR (--merge | --deletion grad-cam,occlusion,smooth-grad) [--limit N]
 * The measurements behind issue 12's two choices, through the built extension's engine:
 *  --merge     every merge rule's top-1/top-5 from each picture's per-view logits (--dump FILE keeps them);
 *  --deletion  each explanation method's deletion test (top-1 probability after blanking the
 *              hottest 20 % of the view vs a random 20 %) and its time.
 */
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { meanProbabilities, MERGE_RULES, mergeViews, type MergeRule } from '../src/offscreen/explain/merge';
import { topK } from '../src/offscreen/topk';
import type { DeletionResult } from '../src/shared/dev-protocol';
import { contentFreePictures } from '../src/offscreen/explain/content-free';
import { rgbBmp } from './bmp';
import { startEngineSession } from '../harness/engine-session';

const { values } = parseArgs({
  options: {
    images: { type: 'string' }, merge: { type: 'boolean' }, deletion: { type: 'string' }, limit: { type: 'string' },
    backend: { type: 'string', default: 'wasm' }, dump: { type: 'string' }, 'content-free': { type: 'string' },
  },
});
if (!values.images || (!values.merge && !values.deletion && !values['content-free'])) {
  console.error('usage: npm run measure-explain -- --images DIR (--merge | --deletion grad-cam,occlusion,smooth-grad) [--limit N]');
  process.exit(2);
}
const dir = resolve(values.images);
const rows = (await readFile(join(dir, 'labels.csv'), 'utf8')).split(/\r?\n/).slice(1).filter((l) => l.trim())
  .map((l) => { const [file, , c] = l.split(','); return { file: file!, classIndex: Number(c) }; })
  .slice(0, values.limit ? Number(values.limit) : undefined);

const session = await startEngineSession();
const worker = await session.ext.worker();
const call = <T>(fn: string, b64: string, ...args: unknown[]): Promise<T> =>
  worker.evaluate(`(() => { const s = atob(${JSON.stringify(b64)}); const d = new Uint8Array(s.length);
    for (let i = 0; i < s.length; i++) d[i] = s.charCodeAt(i);
    return globalThis.glimpse.${fn}(d.buffer, ${args.map((a) => JSON.stringify(a)).join(',')}); })()`) as Promise<T>;
try {
  await session.setBackend(values.backend as 'wasm');
  await session.warm();
  // The model's answers for pictures of nothing, at 256 px so the centre crop is 1:1.
  const contentFreeLogits: number[][] = [];
  if (values.merge || values['content-free']) {
    for (const rgb of contentFreePictures(256)) {
      contentFreeLogits.push((await call<{ logits: number[][] }>('benchViews', rgbBmp(rgb, 256, 256).toString('base64'))).logits[0]!);
    }
  }
  if (values['content-free']) await writeFile(values['content-free'], JSON.stringify(contentFreeLogits));
  const contentFree = meanProbabilities(contentFreeLogits);
  if (values.merge) {
    const all: { classIndex: number; logits: Float32Array[] }[] = [];
    for (const row of rows) {
      const { logits } = await call<{ logits: number[][] }>('benchViews', (await readFile(join(dir, row.file))).toString('base64'));
      all.push({ classIndex: row.classIndex, logits: logits.map((l) => Float32Array.from(l)) });
    }
    if (values.dump) await writeFile(values.dump, JSON.stringify(all.map((a) => ({ classIndex: a.classIndex, logits: a.logits.map((l) => Array.from(l, (v) => Number(v.toFixed(3)))) }))));
    const score = (rule: MergeRule, t: number) => {
      let top1 = 0;
      let top5 = 0;
      for (const { classIndex, logits } of all) {
        const ranks = topK(mergeViews(logits, { rule, temperature: t, contentFree }).probabilities, 5).map((r) => r.classIndex);
        top1 += Number(ranks[0] === classIndex);
        top5 += Number(ranks.includes(classIndex));
      }
      return `top1=${(top1 / all.length).toFixed(3)} top5=${(top5 / all.length).toFixed(3)}`;
    };
    for (const rule of MERGE_RULES) {
      const temperatures = ['energy', 'max-logit', 'entropy', 'content-free-kl'].includes(rule) ? [0.25, 0.5, 1, 2, 4] : [1];
      for (const t of temperatures) console.log(`merge=${rule} T=${t} ${score(rule, t)} n=${all.length}`);
    }
  }
  for (const method of values.deletion?.split(',') ?? []) {
    const results: DeletionResult[] = [];
    for (const [i, row] of rows.entries()) {
      results.push(await call<DeletionResult>('benchDeletion', (await readFile(join(dir, row.file))).toString('base64'), method, i + 1));
    }
    const ok = results.filter((r) => !r.error);
    const mean = (f: (r: DeletionResult) => number) => ok.reduce((a, r) => a + f(r), 0) / Math.max(1, ok.length);
    if (ok.length < results.length) console.log(`method=${method} failed on ${results.length - ok.length}: ${results.find((r) => r.error)?.error}`);
    // The machine is shared: a bare predict timed in the same session puts the method's time in proportion.
    const bare = await session.benchPredict(5);
    console.log(
      `method=${method} bare_predict_ms=${bare.msPerRun.toFixed(0)} p=${mean((r) => r.p).toFixed(3)} drop_hot20=${mean((r) => r.p - r.pHot).toFixed(3)} ` +
      `drop_random20=${mean((r) => r.p - r.pRandom).toFixed(3)} drop_random20_cells=${mean((r) => r.p - r.pRandomCells).toFixed(3)} ms=${mean((r) => r.ms).toFixed(0)} predict_ms=${mean((r) => r.predictMs).toFixed(0)} n=${ok.length}`,
    );
  }
} finally {
  await session.close();
}
