#!/usr/bin/env node
// End-to-end tests drive Debian's chromium package, never a downloaded browser.
// Installs it with apt when missing and allowed (root with apt-get), else says what to do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser'].filter(Boolean);
const found = () => candidates.find((path) => existsSync(path));

if (!found()) {
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.error('[chromium] Chromium is missing. Install it (Debian/Ubuntu: sudo apt-get install -y chromium) or set CHROMIUM_PATH.');
    process.exit(1);
  }
  console.log('[chromium] installing Debian\'s chromium package…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', 'chromium', 'fonts-dejavu-core'], { stdio: 'inherit', env });
  if (!found()) {
    console.error('[chromium] apt-get finished but no chromium binary was found.');
    process.exit(1);
  }
}
console.log(`[chromium] using ${found()}`);
