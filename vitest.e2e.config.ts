import { defineConfig } from 'vitest/config';

/**
 * End-to-end tests: the built extension (`npm run build:e2e`) in real Chromium with real IndexedDB, pages served on
 * 127.0.0.1. One browser per file; files run one after another because the machines have two cores.
 */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.e2e.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    fileParallelism: false,
  },
});
