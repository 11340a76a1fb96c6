import { existsSync } from 'node:fs';
import { join } from 'node:path';

/** The Firefox suite drives the built add-on: `npm test` builds it first; refuse to run a missing build. */
export default function setup(): void {
  const dist = join(process.cwd(), process.env.GLIMPSE_DIST_FIREFOX ?? 'dist-firefox');
  if (!existsSync(join(dist, 'manifest.json'))) throw new Error(`${dist} is missing: run \`npm run build\` (npm test does it for you).`);
  if (!existsSync(join(dist, 'model', 'model.json'))) throw new Error(`${dist}/model is missing: run \`npm run build\`.`);
}
