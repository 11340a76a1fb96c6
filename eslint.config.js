// The architecture as a check: `npm run lint` (run by `npm test`) fails on a broken boundary.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import { contextBoundaries } from './scripts/lint/context-boundaries.js';

export default tseslint.config(
  { ignores: ['dist/**', 'dist-firefox/**', 'packages/**', '.tmp/**', 'public/**', 'node_modules/**', 'tests/e2e/fixtures/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2022, sourceType: 'module' },
    plugins: { glimpse: { rules: { 'context-boundaries': contextBoundaries } } },
    rules: {
      // Which room may import which: see scripts/lint/context-boundaries.js.
      'glimpse/context-boundaries': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      'no-empty': ['error', { allowEmptyCatch: true }],
    },
  },
  {
    // The engine's document loads TF.js in parts (src/offscreen/tfjs-parts.ts): what a machine
    // without a GPU never runs is imported only when first used (a dynamic import() in tfjs.ts).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', {
        paths: [
          { name: '@tensorflow/tfjs', message: 'The whole of TF.js: import from src/offscreen/tfjs.ts or tfjs-parts.ts.' },
          ...['@tensorflow/tfjs-backend-webgl', '@tensorflow/tfjs-backend-cpu', '@tensorflow/tfjs-layers', '@tensorflow/tfjs-data'].map((name) => ({
            name, allowTypeImports: true, message: 'Loaded when first used: import() it (src/offscreen/tfjs.ts).',
          })),
        ],
      }],
    },
  },
  {
    // TypeScript checks names itself (and knows each context's globals).
    files: ['**/*.ts', '**/*.tsx', '**/*.mts'],
    rules: { 'no-undef': 'off' },
  },
  {
    // The build and test scripts written in plain JavaScript are Node programs.
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', Buffer: 'readonly', URL: 'readonly', setTimeout: 'readonly', clearTimeout: 'readonly', fetch: 'readonly', AbortSignal: 'readonly', TextDecoder: 'readonly', TextEncoder: 'readonly', require: 'readonly', module: 'writable', __dirname: 'readonly' },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
