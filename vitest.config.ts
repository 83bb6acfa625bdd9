import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` runs in seconds with no build; `site` builds the real site once
 * (test/support/global-build.ts), serves it, and checks the output and the pages in Chromium.
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          // Every test folder but the two that need a build, so a new folder is never left out.
          include: ['test/**/*.test.ts'],
          exclude: ['test/site/**', 'test/e2e/**', '**/node_modules/**'],
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: 'site',
          include: ['test/site/**/*.test.ts', 'test/e2e/**/*.test.ts'],
          globalSetup: ['test/support/global-build.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // A page's script can take seconds to start on a loaded 2-core machine; 1 s (the
          // default) made waits for it flaky. A real failure still fails, only later.
          expect: { poll: { timeout: 10_000 } },
          // One browser at a time keeps a 2-core machine responsive and the results stable.
          fileParallelism: false,
        },
      },
    ],
  },
});
