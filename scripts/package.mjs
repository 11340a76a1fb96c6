#!/usr/bin/env node
// `npm run package`: store-ready zips for the Chrome Web Store and addons.mozilla.org in packages/.
// Each is a fresh build with GLIMPSE_STORE_BUILD=1 (no test hooks), checked (no source maps, no
// tests), and zipped reproducibly: the same sources give byte-identical zips (sha256 printed).
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { checkPackage } from './build/package-check.mjs';
import { zipFiles } from './build/zip.mjs';

const BROWSERS = ['chrome', 'firefox'];
const OUT = 'packages';
const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
function run(command, args, env = {}) {
  const done = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  if (done.status !== 0) throw new Error(`${command} ${args.join(' ')} failed`);
}

function filesUnder(root, dir = root) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(root, path) : [relative(root, path).split(sep).join('/')];
  });
}


run('npm', ['run', 'model', '--silent']);
mkdirSync(OUT, { recursive: true });
for (const browser of BROWSERS) {
  const dir = join('.tmp', 'store', browser);
  rmSync(dir, { recursive: true, force: true });
  console.log(`\n=== ${browser}: store build in ${dir}`);
  run('npx', ['vite', 'build', '--logLevel', 'warn'], {
    GLIMPSE_BROWSER: browser,
    GLIMPSE_STORE_BUILD: '1',
    [browser === 'firefox' ? 'GLIMPSE_OUT_DIR_FIREFOX' : 'GLIMPSE_OUT_DIR']: dir,
  });
  const files = filesUnder(dir);
  checkPackage(browser, files, (file) => readFileSync(join(dir, file), 'utf8'));
  const zip = zipFiles(files.map((path) => ({ path, data: readFileSync(join(dir, path)) })));
  const target = join(OUT, `glimpse-${browser}-${version}.zip`);
  writeFileSync(target, zip);
  const sha256 = createHash('sha256').update(zip).digest('hex');
  console.log(`${target}: ${files.length} files, ${(zip.length / 1e6).toFixed(1)} MB, sha256 ${sha256}`);
}
