import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real third-party servers: `npm run test:e2e` (vitest.e2e.config.ts).
    exclude: ['test/e2e/**', 'node_modules/**'],
    testTimeout: 30_000,
    // fast-check runs with a fixed seed when CI is set (test/helpers/fast-check-settings.ts).
    setupFiles: ['./test/helpers/fast-check-setup.ts'],
    // CLI tests spawn the built binary; two cores do not gain from more workers.
    maxWorkers: 2,
    reporters: ['default', './test/helpers/plain-summary.ts'],
  },
});
