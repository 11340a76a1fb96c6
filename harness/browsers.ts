/** What the Chromium and Firefox launchers share: finding Debian's browser, and polling. */
import { existsSync } from 'node:fs';

/**
 * The path of an installed browser: `envVar`'s value, else the first of `paths` that exists
 * (Debian's package, never a downloaded browser).
 */
export function installedBrowser(name: string, debianPackage: string, envVar: string, paths: string[]): string {
  const candidates = [process.env[envVar], ...paths].filter(Boolean) as string[];
  const found = candidates.find((path) => existsSync(path));
  if (!found) throw new Error(`${name} not found: install Debian's "${debianPackage}" package or set ${envVar}.`);
  return found;
}

/** Polls `check` until it is truthy (or throws after `timeoutMs`). */
export async function until<T>(check: () => Promise<T> | T, what: string, timeoutMs = 30_000): Promise<NonNullable<T>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value as NonNullable<T>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}
