import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

// Three projects: `unit` runs in happy-dom with WXT's fakeBrowser; `e2e` drives the built
// extension in Debian's Chromium (run `wxt build` first — `npm test` does); `firefox` is a smoke
// test of the Firefox build in Debian's firefox-esr.
export default defineConfig({
  test: {
    projects: [
      {
        plugins: [WxtVitest()],
        test: {
          name: 'unit',
          environment: 'happy-dom',
          include: ['utils/**/*.test.ts', 'components/**/*.test.tsx', 'entrypoints/**/*.test.ts', 'sandbox/**/*.test.ts'],
          setupFiles: ['tests/setup-unit.ts'],
        },
      },
      {
        test: {
          name: 'e2e',
          environment: 'node',
          include: ['tests/e2e/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 90_000,
        },
      },
      {
        // Debian's firefox-esr with the MV2 build (`wxt build -b firefox` first); skips itself
        // when no Firefox is installed.
        test: {
          name: 'firefox',
          environment: 'node',
          include: ['tests/firefox/**/*.test.ts'],
          fileParallelism: false,
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
