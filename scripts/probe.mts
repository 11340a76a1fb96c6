import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { startEngineSession } from './engine-session';
const dir = '../shared/eval/imagenet-samples-dev';
const files = (await readdir(dir)).filter((f) => f.endsWith('.JPEG')).sort().slice(0, 20);
const b64 = await Promise.all(files.map(async (f) => (await readFile(join(dir, f))).toString('base64')));
const s = await startEngineSession();
try {
  await s.warm();
  const target = (await s.ext.browser.targets()).find((t) => t.url().endsWith('offscreen/index.html'))!;
  const cdp = await target.createCDPSession();
  const fn = async (all: string[]) => {
    const bufs = all.map((x) => Uint8Array.from(atob(x), (c) => c.charCodeAt(0)).buffer);
    const t: Record<string, number> = {};
    const add = (k: string, ms: number) => (t[k] = (t[k] ?? 0) + ms / bufs.length);
    for (let round = 0; round < 2; round++) for (const [k] of Object.entries(t)) t[k] = 0;
    for (let round = 0; round < 2; round++) {
      for (const buf of bufs) {
        let a = performance.now();
        const bm = await createImageBitmap(new Blob([buf], { type: 'image/jpeg' }), { imageOrientation: 'from-image' });
        let b = performance.now(); add('cib_full', b - a);
        const short = Math.min(bm.width, bm.height);
        a = performance.now();
        const dec = new ImageDecoder({ data: buf, type: 'image/jpeg' });
        const { image } = await dec.decode();
        b = performance.now(); add('imagedecoder_full', b - a);
        add('full_w', image.displayWidth);
        image.close(); dec.close();
        const scale = 256 / short;
        a = performance.now();
        const dec2 = new ImageDecoder({ data: buf, type: 'image/jpeg', desiredWidth: Math.ceil(bm.width * scale), desiredHeight: Math.ceil(bm.height * scale) } as ImageDecoderInit);
        const r2 = await dec2.decode();
        b = performance.now(); add('imagedecoder_desired', b - a);
        add('desired_w', r2.image.displayWidth);
        a = performance.now();
        const bm4 = await createImageBitmap(r2.image);
        b = performance.now(); add('vf_to_bitmap', b - a);
        r2.image.close(); dec2.close(); bm4.close();
        bm.close();
      }
    }
    return JSON.stringify(Object.fromEntries(Object.entries(t).map(([k, v]) => [k, +(v / 2).toFixed(2)])));
  };
  const r = await cdp.send('Runtime.evaluate', { expression: `var __name = (f) => f; (${fn.toString()})(${JSON.stringify(b64)})`, awaitPromise: true, returnByValue: true });
  console.log(JSON.stringify(r).slice(0, 1500));
} finally { await s.close(); }
