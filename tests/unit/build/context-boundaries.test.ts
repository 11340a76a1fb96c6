import { resolve } from 'node:path';
import { Linter } from 'eslint';
import tseslint from 'typescript-eslint';
import { describe, expect, it } from 'vitest';
import { contextBoundaries } from '../../../scripts/lint/context-boundaries.js';

/** The messages `npm run lint`'s boundary rule gives `code` as if it were the file at `path`. */
function lint(path: string, code: string): string[] {
  const linter = new Linter({ configType: 'flat' });
  return linter
    .verify(code, [{
      files: ['**/*.ts'],
      languageOptions: { parser: tseslint.parser as Linter.Parser },
      plugins: { glimpse: { rules: { 'context-boundaries': contextBoundaries } } },
      rules: { 'glimpse/context-boundaries': 'error' },
    }], resolve(process.cwd(), path))
    .map((m) => m.message);
}

describe('the import boundaries between browser contexts', () => {
  it('lets a context import itself and src/shared', () => {
    expect(lint('src/content/card.ts', "import { t } from '../shared/i18n';\nimport { x } from './card-dom';")).toEqual([]);
    expect(lint('src/popup/components/X.tsx'.replace('.tsx', '.ts'), "import { t } from '../../shared/i18n';")).toEqual([]);
  });

  it('fails a content script that imports the engine, and the popup that imports the background', () => {
    expect(lint('src/content/card.ts', "import { Engine } from '../offscreen/engine';")[0]).toMatch(/src\/content may not import from src\/offscreen/);
    expect(lint('src/popup/App.ts', "export { x } from '../background/menu';")[0]).toMatch(/src\/popup may not import from src\/background/);
    expect(lint('src/shared/types.ts', "const m = import('../content/card');")[0]).toMatch(/src\/shared may not import from src\/content/);
  });

  it('allows the one named exception: the Firefox background page hosts the engine', () => {
    expect(lint('src/background/engine-host.firefox.ts', "import { Engine } from '../offscreen/engine';")).toEqual([]);
    expect(lint('src/background/engine-host.ts', "import { Engine } from '../offscreen/engine';")).toHaveLength(1);
  });

  it('keeps the product off the tests, and the scripts off the tests (the browser harness is in harness/)', () => {
    expect(lint('src/shared/x.ts', "import { y } from '../../tests/support/memory-storage';")).toHaveLength(1);
    expect(lint('scripts/bench.ts', "import { y } from '../tests/e2e/support/scan-pill';")).toHaveLength(1);
    expect(lint('scripts/bench.ts', "import { y } from '../harness/chromium';")).toEqual([]);
  });
});
