import { defineConfig } from 'vitest/config';

export default defineConfig({
  define: { __GLIMPSE_TEST_HOOKS__: 'true' },
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: ['tests/unit/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          // The middle tier: content-script and popup modules in a real Chromium page, extension API stubbed.
          name: 'inject',
          include: ['tests/inject/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/inject/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e/support/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          // One browser per file, files one after another: two cores run one Chromium well, not four.
          fileParallelism: false,
          sequence: { concurrent: false },
        },
      },
      {
        test: {
          name: 'e2e-firefox',
          include: ['tests/e2e-firefox/**/*.test.ts'],
          environment: 'node',
          globalSetup: ['tests/e2e-firefox/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
          sequence: { concurrent: false },
        },
      },
    ],
  },
});
