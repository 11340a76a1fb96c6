import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

describe('the content script injected into open pages is the file the build emits', () => {
  it('inject.ts names the same file as vite.config.ts', () => {
    const config = readFileSync(new URL('../../../vite.config.ts', import.meta.url), 'utf8');
    const inject = readFileSync(new URL('../../../src/background/inject.ts', import.meta.url), 'utf8');
    const built = /const CONTENT_SCRIPT_OUTPUT = '([^']+)'/.exec(config)?.[1];
    const injected = /export const CONTENT_SCRIPT_FILE = '([^']+)'/.exec(inject)?.[1];
    expect(built).toBe('content-script.js');
    expect(injected).toBe(built);
  });
});
