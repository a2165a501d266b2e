import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real builds, real servers and a real browser: generous limits, never timing assertions.
    testTimeout: 180_000,
    hookTimeout: 300_000,
    pool: 'forks',
    maxWorkers: 2,
    // Builds each site the gate tests need once per run, with bin/verksam.js, shared by all files.
    globalSetup: ['test/support/global-setup.ts'],
  },
});
