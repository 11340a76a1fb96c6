#!/usr/bin/env node
// The Firefox end-to-end tests drive Debian's firefox-esr package, never a downloaded browser.
// Installs it with apt when missing and allowed (root with apt-get), else says what to do.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

const candidates = [process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox'].filter(Boolean);
const found = () => candidates.find((path) => existsSync(path));

if (!found()) {
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.error('[firefox] Firefox is missing. Install it (Debian: sudo apt-get install -y firefox-esr) or set FIREFOX_PATH.');
    process.exit(1);
  }
  console.log('[firefox] installing Debian\'s firefox-esr package…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', 'firefox-esr'], { stdio: 'inherit', env });
  if (!found()) {
    console.error('[firefox] apt-get finished but no firefox binary was found.');
    process.exit(1);
  }
}
console.log(`[firefox] using ${found()}`);
