import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 600_000,
    // Every integration file runs real DVC, training and pip: on a 2-core runner, files side by
    // side only slow each other down.
    fileParallelism: false,
  },
});
