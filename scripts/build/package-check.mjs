// What a store package may not carry, checked before it is zipped (scripts/package.mjs).
/** What no store package may contain: source maps, tests, fixtures, TypeScript sources. */
export const FORBIDDEN = [/\.map$/, /(^|\/)tests?\//, /\.test\.[cm]?[jt]s$/, /\.tsx?$/, /(^|\/)fixtures\//];
/**
 * Names only development builds use (test hooks, the dev-tools messages, the benchmarks' explanation
 * methods); their presence means development code slipped into a package.
 */
export const DEVELOPMENT_MARKERS = ['glimpseReady', 'glimpseLastRightClick', 'bench-predict', 'bench-views', 'bench-deletion', 'smooth-grad', 'occlusion'];

/**
 * Throws when the files of `browser`'s package include something that is not the product: a source
 * map, a test, TypeScript sources, or development code (`readText(file)` reads a file's text).
 */
export function checkPackage(browser, files, readText) {
  const bad = files.filter((file) => FORBIDDEN.some((pattern) => pattern.test(file)));
  if (bad.length) throw new Error(`${browser} package would contain ${bad.join(', ')}`);
  for (const file of files.filter((f) => f.endsWith('.js'))) {
    const text = readText(file);
    const hook = DEVELOPMENT_MARKERS.find((name) => text.includes(name));
    if (hook) throw new Error(`${browser} package: ${file} still carries development code ("${hook}"): refusing to package it (is GLIMPSE_STORE_BUILD honoured?)`);
  }
}
