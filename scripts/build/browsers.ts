/**
 * The two browsers Glimpse is built for, and everything the build does differently for each:
 * output folder, syntax target, the manifest (Firefox's is derived from the one manifest.json),
 * and per-browser modules (`X.firefox.ts` beside `X.ts` replaces it in the Firefox build).
 */
import { existsSync } from 'node:fs';
import type { Plugin } from 'vite';

export type TargetBrowser = 'chrome' | 'firefox';

export function targetBrowser(env: NodeJS.ProcessEnv = process.env): TargetBrowser {
  const wanted = env.GLIMPSE_BROWSER ?? 'chrome';
  if (wanted !== 'chrome' && wanted !== 'firefox') throw new Error(`GLIMPSE_BROWSER must be chrome or firefox, not ${wanted}`);
  return wanted;
}

export const OUT_DIRS: Record<TargetBrowser, string> = { chrome: 'dist', firefox: 'dist-firefox' };
export const SYNTAX_TARGETS: Record<TargetBrowser, string> = { chrome: 'chrome120', firefox: 'firefox140' };

/** The add-on id Firefox keys storage and the extension's UUID on; it must never change once published. */
export const GECKO_ID = 'glimpse@glimpse.example';
/** The lowest Firefox whose MV3 features Glimpse uses (ESR 140). */
export const GECKO_MIN_VERSION = '140.0';

/** Keys only Chrome understands (Firefox's linter rejects some, ignores the rest). */
const CHROME_ONLY_KEYS = ['minimum_chrome_version', 'message_serialization', 'cross_origin_embedder_policy', 'cross_origin_opener_policy'];
/** Permissions Firefox does not have: the engine runs in its background page instead of an offscreen document. */
const CHROME_ONLY_PERMISSIONS = ['offscreen'];

type Manifest = Record<string, unknown> & { background?: { service_worker?: string; type?: string } };

/**
 * Firefox's manifest, made from Chrome's: a background page running the same script (its DOM
 * hosts the engine), the add-on id, and no Chrome-only keys. Everything else (menus, commands,
 * permissions, locales) is taken as it is, so it never drifts from manifest.json.
 */
export function firefoxManifest(chrome: Manifest): Manifest {
  const out: Manifest = structuredClone(chrome);
  for (const key of CHROME_ONLY_KEYS) delete out[key];
  const worker = chrome.background?.service_worker;
  if (!worker) throw new Error('manifest.json has no background.service_worker to run as Firefox\'s background script');
  out.background = { scripts: [worker], type: 'module' } as Manifest['background'];
  if (Array.isArray(out.permissions)) out.permissions = out.permissions.filter((p) => !CHROME_ONLY_PERMISSIONS.includes(p as string));
  out.browser_specific_settings = {
    gecko: {
      id: GECKO_ID,
      strict_min_version: GECKO_MIN_VERSION,
      // Glimpse collects and transmits nothing (addons.mozilla.org asks every new add-on to say so).
      data_collection_permissions: { required: ['none'] },
    },
    // Firefox for Android learnt data_collection_permissions in 142.
    gecko_android: { strict_min_version: '142.0' },
  };
  return out;
}

export function manifestFor(browser: TargetBrowser, manifest: Manifest): Manifest {
  return browser === 'firefox' ? firefoxManifest(manifest) : manifest;
}

/**
 * In the Firefox build, an import that resolves to `src/.../X.ts` resolves to `X.firefox.ts`
 * when that file exists: one small module per browser difference, chosen at build time.
 */
export function browserVariants(browser: TargetBrowser): Plugin {
  return {
    name: 'glimpse:browser-variants',
    enforce: 'pre',
    async resolveId(source, importer, options) {
      if (browser === 'chrome' || !importer || source.includes('\0')) return null;
      const resolved = await this.resolve(source, importer, { ...options, skipSelf: true });
      if (!resolved || resolved.external || !/\/src\/.*\.tsx?$/.test(resolved.id)) return null;
      const variant = resolved.id.replace(/\.(tsx?)$/, `.${browser}.$1`);
      return existsSync(variant) ? variant : null;
    },
  };
}
