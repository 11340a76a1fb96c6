import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import manifest from '../../../manifest.json' with { type: 'json' };
import { firefoxManifest, GECKO_ID } from '../../../scripts/build/browsers';
import { zipFiles } from '../../../scripts/build/zip.mjs';

describe("Firefox's manifest, derived from manifest.json", () => {
  const chrome = manifest as Record<string, unknown> & { permissions: string[]; background: { service_worker: string } };
  const firefox = firefoxManifest(chrome);

  it('runs the same background script as a background page', () => {
    expect(firefox.background).toEqual({ scripts: [chrome.background.service_worker], type: 'module' });
  });

  it('names the add-on and the lowest Firefox it supports', () => {
    expect(firefox.browser_specific_settings).toMatchObject({ gecko: { id: GECKO_ID, strict_min_version: '140.0' } });
  });

  it('drops what only Chrome has, keeps every other permission (contextMenus included)', () => {
    for (const key of ['minimum_chrome_version', 'message_serialization', 'cross_origin_embedder_policy', 'cross_origin_opener_policy']) {
      expect(firefox).not.toHaveProperty(key);
    }
    expect(firefox.permissions).toEqual(chrome.permissions.filter((p) => p !== 'offscreen'));
    expect(firefox.permissions).toContain('contextMenus');
  });

  it('takes everything else from manifest.json as it is', () => {
    const same = Object.keys(chrome).filter((key) => !['background', 'permissions', 'minimum_chrome_version', 'message_serialization', 'cross_origin_embedder_policy', 'cross_origin_opener_policy'].includes(key));
    for (const key of same) expect(firefox[key], key).toEqual(chrome[key]);
  });

  it('leaves manifest.json itself untouched', () => {
    expect(chrome.permissions).toContain('offscreen');
    expect(chrome.background.service_worker).toBeTruthy();
  });
});

/** The entries of a zip as [name, content], read from its local headers. */
function unzip(zip: Buffer): [string, string][] {
  const entries: [string, string][] = [];
  let at = 0;
  while (zip.readUInt32LE(at) === 0x04034b50) {
    const method = zip.readUInt16LE(at + 8);
    const size = zip.readUInt32LE(at + 18);
    const nameLength = zip.readUInt16LE(at + 26);
    const name = zip.subarray(at + 30, at + 30 + nameLength).toString('utf8');
    const body = zip.subarray(at + 30 + nameLength, at + 30 + nameLength + size);
    entries.push([name, (method === 8 ? inflateRawSync(body) : body).toString('utf8')]);
    at += 30 + nameLength + size;
  }
  return entries;
}

describe('store zips', () => {
  const files = [
    { path: 'manifest.json', data: Buffer.from('{"name":"Glimpse"}') },
    { path: 'assets/app.js', data: Buffer.from('console.log(1);\n'.repeat(50)) },
    { path: 'icons/icon16.png', data: Buffer.from([0x89, 0x50, 0x4e, 0x47]) },
  ];

  it('are byte-identical whatever order the files come in', () => {
    expect(zipFiles(files).equals(zipFiles([...files].reverse()))).toBe(true);
  });

  it('hold every file, sorted by path, with its exact content', () => {
    expect(unzip(zipFiles(files))).toEqual(
      [...files].sort((a, b) => a.path.localeCompare(b.path)).map(({ path, data }) => [path, data.toString('utf8')]),
    );
  });

  it('refuse paths that would escape the folder they are unpacked into', () => {
    expect(() => zipFiles([{ path: '../evil.js', data: Buffer.from('') }])).toThrow(/bad zip path/);
  });
});
