/**
 * Screenshots of region select on a page with a collage: the page dimmed while a box is dragged
 * (docs/region-select.png), and the answer beside the box (docs/region-card.png). Real model.
 *
 *   GLIMPSE_DIST=dist npx tsx scripts/screenshots-region.mts
 */
import { mkdir } from 'node:fs/promises';
import { launchWithExtension } from '../harness/chromium';
import { settledCard } from '../harness/menu';
import { openRegionSelect } from '../harness/region';
import { htmlPage, startServer } from '../harness/server';

const COLLAGE = `
<style>
  body { font: 17px/1.6 Georgia, serif; color: #222; max-width: 900px; margin: 32px auto; padding: 0 16px; }
  h1 { font: 700 32px/1.2 system-ui, sans-serif; margin: 0 0 16px; }
  .collage { display: grid; grid-template-columns: 1fr 1fr; gap: 0; border-radius: 6px; overflow: hidden; }
  .collage img { width: 100%; height: 300px; object-fit: cover; display: block; }
</style>
<h1>Two sides of the coast</h1>
<div class="collage"><img id="left" src="/samples/n02056570_king_penguin.JPEG" alt=""><img id="right" src="/samples/n07684084_French_loaf.JPEG" alt=""></div>
<p>One picture, two subjects: a colony at dawn, and the bakery at the harbour.</p>`;

const server = await startServer();
const ext = await launchWithExtension();
try {
  await mkdir('docs', { recursive: true });
  const page = await ext.browser.newPage();
  await page.emulateMediaFeatures([{ name: 'prefers-reduced-motion', value: 'reduce' }]);
  await page.goto(htmlPage(server, '/collage.html', COLLAGE, 'Two sides of the coast'), { waitUntil: 'load' });
  const box = await page.$eval('#left', (img) => img.getBoundingClientRect().toJSON() as DOMRect);
  await openRegionSelect(ext, page);
  await page.mouse.move(box.left + 30, box.top + 20);
  await page.mouse.down();
  await page.mouse.move(box.right - 40, box.bottom - 30, { steps: 6 });
  await page.screenshot({ path: 'docs/region-select.png' });
  await page.mouse.up();
  await settledCard(page);
  await page.screenshot({ path: 'docs/region-card.png' });
} finally {
  await ext.close();
  await server.close();
}
