import { defineConfig } from 'vitest/config';

// One process, files in sequence, modules shared: the test database (PGlite takes seconds to boot)
// is opened and migrated once. Tests create their own uniquely-named data, so they never collide.
export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    pool: 'forks',
    maxWorkers: 1,
    isolate: false,
    fileParallelism: false,
    testTimeout: 30_000,
    hookTimeout: 120_000,
  },
});
