import { defineConfig } from 'vitest/config';

/** End-to-end suites: real third-party servers (Knot DNS) started by the tests themselves. */
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 30_000,
    reporters: ['default', './test/helpers/plain-summary.ts'],
  },
});
