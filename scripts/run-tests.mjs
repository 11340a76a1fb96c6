#!/usr/bin/env node
// The whole test suite: build (with the model step; both browsers), typecheck, lint (ESLint + knip), unit tests,
// web-ext lint of the Firefox build, end-to-end tests in real headless Chromium and Firefox ESR.
// Ends with "Chromium e2e: … Firefox e2e: …" and one line "N passed, N failed" with a matching exit code.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, existsSync, rmSync } from 'node:fs';

const results = { passed: 0, failed: 0, skipped: 0 };
/** Per-browser end-to-end counts, for the summary. */
const perBrowser = [];
const failures = [];

function step(name, command, args) {
  console.log(`\n=== ${name}: ${command} ${args.join(' ')}`);
  const run = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  return run.status === 0;
}

function vitest(project, extraArgs = []) {
  mkdirSync('.tmp', { recursive: true });
  const report = `.tmp/vitest-${project}.json`;
  rmSync(report, { force: true });
  const ok = step(`${project} tests`, 'npx', ['vitest', 'run', '--project', project, '--reporter=default', '--reporter=json', `--outputFile=${report}`, ...extraArgs]);
  if (!existsSync(report)) {
    results.failed++;
    failures.push(`${project}: the test run produced no report`);
    return;
  }
  const json = JSON.parse(readFileSync(report, 'utf8'));
  perBrowser.push({ project, passed: json.numPassedTests, failed: json.numFailedTests });
  results.passed += json.numPassedTests;
  results.failed += json.numFailedTests;
  results.skipped += json.numPendingTests + json.numTodoTests;
  for (const file of json.testResults) {
    for (const test of file.assertionResults) if (test.status === 'failed') failures.push(`${project}: ${test.fullName}`);
    if (file.status === 'failed' && file.assertionResults.every((t) => t.status !== 'failed')) {
      results.failed++;
      failures.push(`${project}: ${file.name} failed to run (${(file.message ?? '').split('\n')[0]})`);
    }
  }
  if (!ok && results.failed === 0) {
    results.failed++;
    failures.push(`${project}: vitest exited with an error`);
  }
}

const only = process.argv.slice(2);
const wants = (what) => only.length === 0 || only.includes(what);

if (wants('build') && !step('build', 'npm', ['run', 'build'])) {
  console.log('\nThe build failed: nothing to test.\n0 passed, 1 failed');
  process.exit(1);
}
if (wants('typecheck')) {
  if (step('typecheck', 'npx', ['tsc', '--noEmit'])) results.passed++;
  else {
    results.failed++;
    failures.push('typecheck');
  }
}
if (wants('lint')) {
  // The architecture as a check: import boundaries between contexts, unused code and dependencies.
  if (step('lint', 'npm', ['run', 'lint', '--silent'])) results.passed++;
  else {
    results.failed++;
    failures.push('lint: npm run lint found problems (ESLint, knip)');
  }
}
if (wants('unit')) vitest('unit');
// The middle tier: content-script and popup modules in a real Chromium page with the extension API stubbed.
if (wants('inject')) vitest('inject');
if (wants('web-ext')) {
  // addons.mozilla.org's own checks on the Firefox build: any error fails (warnings are printed).
  if (step('web-ext lint', 'npx', ['web-ext', 'lint', '--source-dir', 'dist-firefox', '--output', 'text'])) results.passed++;
  else {
    results.failed++;
    failures.push('web-ext lint: errors in dist-firefox');
  }
}
if (wants('e2e')) {
  if (step('chromium', 'node', ['scripts/ensure-chromium.mjs'])) vitest('e2e');
  else {
    results.failed++;
    failures.push('e2e: Chromium is not available');
  }
}
if (wants('e2e-firefox')) {
  if (step('firefox', 'node', ['scripts/ensure-firefox.mjs'])) vitest('e2e-firefox');
  else {
    results.failed++;
    failures.push('e2e-firefox: Firefox is not available');
  }
}

const BROWSER_NAMES = { e2e: 'Chromium', 'e2e-firefox': 'Firefox' };
const browsers = perBrowser.filter(({ project }) => project in BROWSER_NAMES);
if (browsers.length) {
  console.log(`\n${browsers.map(({ project, passed, failed }) => `${BROWSER_NAMES[project]} e2e: ${passed} passed, ${failed} failed`).join(' · ')}`);
}
if (failures.length) console.log(`\nFailed:\n${failures.map((f) => `  - ${f}`).join('\n')}`);
const skipped = results.skipped ? `, ${results.skipped} skipped` : '';
console.log(`\n${results.passed} passed, ${results.failed} failed${skipped}`);
process.exit(results.failed > 0 ? 1 : 0);
