import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/** Unit tests: next to the code (`*.test.ts`), in Node with fake-indexeddb, WXT's fake browser and linkedom's DOMParser. */
export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: [
      'lib/**/*.test.ts',
      'components/**/*.test.tsx',
      'test/unit/**/*.test.ts',
      'test/hostile/**/*.test.ts',
      'test/bench/**/*.test.ts',
    ],
    setupFiles: ['test/support/unit-setup.ts'],
    environment: 'node',
    // A test that imports or parses reads the securities master on first use in its file (decode and matcher over
    // 35k listings: about a second alone, several on this shared machine under load).
    testTimeout: 15_000,
  },
});
