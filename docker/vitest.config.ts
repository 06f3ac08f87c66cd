import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // The manifests' integration test starts a control plane; the image build takes minutes.
    testTimeout: 120_000,
    hookTimeout: 180_000,
  },
});
