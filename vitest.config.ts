import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['runtime-spec/test/**/*.test.ts', 'attribution/test/**/*.test.ts', 'client/test/**/*.test.ts', 'node/test/**/*.test.ts', 'models/test/**/*.test.ts', 'indexer/test/**/*.test.ts', 'test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
    // e2e suites spawn node processes: keep the 2-core machine from thrashing
    fileParallelism: false,
  },
});
