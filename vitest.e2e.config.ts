import { defineConfig } from 'vitest/config';

// Browser tests: a real Trama process and headless Chromium (see e2e/harness.ts).
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
