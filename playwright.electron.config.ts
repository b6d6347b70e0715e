import { defineConfig } from '@playwright/test';

// The Electron launch smoke test: runs where the Electron binary exists, skips loudly where not.
export default defineConfig({
  testDir: 'tests/e2e-electron',
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'reports/playwright-electron.json' }]],
});
