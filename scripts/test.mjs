// `npm test`: every suite — vitest (unit, db, contract, integration), Playwright journeys in Chromium
// against the web host, and the Electron launch smoke test (skips loudly without the binary) — then
// one total line computed from their JSON reports.
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { ensureNodeAbi } from './ensure-node-abi.mjs';
import { buildRendererIfStale } from './dev-web.mjs';
import { root } from './native-modules.mjs';
import { summarise } from './test-summary.mjs';

const run = (cmd, args, env = {}) =>
  spawnSync(cmd, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;

rmSync('reports', { recursive: true, force: true });
mkdirSync('reports', { recursive: true });
if (!ensureNodeAbi()) process.exit(1);

const steps = [];
// Builds first: tests/unit/host/built-csp.test.ts reads both built index.html files (the CSP meta).
// electron-vite build needs no Electron binary; only the launch smoke test does.
steps.push(['renderer build', buildRendererIfStale() ? 0 : 1]);
steps.push(['electron build', run('npx', ['electron-vite', 'build'])]);
steps.push([
  'vitest',
  run('npx', [
    'vitest',
    'run',
    '--reporter=default',
    '--reporter=json',
    '--outputFile.json=reports/vitest.json',
  ]),
]);
steps.push(['playwright', run('npx', ['playwright', 'test'])]);
steps.push([
  'electron smoke',
  run('npx', ['playwright', 'test', '--config', 'playwright.electron.config.ts']),
]);

const t = summarise('reports', [
  ['vitest.json', 'vitest'],
  ['playwright.json', 'playwright'],
  ['playwright-electron.json', 'playwright'],
]);
const broken = steps.filter(([, code]) => code !== 0).map(([name]) => name);
if (broken.length) console.log(`steps that failed: ${broken.join(', ')}`);
if (t.missing.length) console.log(`missing or unreadable reports: ${t.missing.join(', ')}`);
console.log(`${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
process.exit(t.failed > 0 || broken.length > 0 ? 1 : 0);
