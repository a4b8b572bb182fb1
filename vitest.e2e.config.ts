import { defineConfig } from 'vitest/config';

// Browser end-to-end tests: plain Node (not workerd), one wrangler dev per file, files in sequence.
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 150_000,
    teardownTimeout: 30_000,
  },
});
