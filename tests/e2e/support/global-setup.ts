import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The e2e suite drives the built extension: `npm test` builds it first; refuse to run stale or missing builds silently. */
export default function setup(): void {
  const dist = join(process.cwd(), process.env.GLIMPSE_DIST ?? 'dist');
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is missing: run \`npm run build\` (npm test does it for you).`);
  if (!existsSync(join(dist, 'model', 'model.json'))) throw new Error(`${dist}/model is missing: run \`npm run build\`.`);
}
