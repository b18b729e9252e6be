import { defineConfig } from 'vitest/config';

// One shared config: each workspace runs `vitest run --config ../../vitest.config.ts` from its own
// folder, so tests import package sources directly and no build is needed.
export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
