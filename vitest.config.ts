import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: [
      'tests/{unit,db,contract,integration,reliability}/**/*.test.ts',
      'renderer/src/**/*.test.{ts,tsx}',
    ],
    environment: 'node',
    pool: 'forks',
    testTimeout: 20_000,
    hookTimeout: 30_000,
  },
});
