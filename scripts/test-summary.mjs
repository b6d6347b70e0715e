// Reads the JSON reports of vitest and Playwright and prints ONE honest total line:
// `N passed, N failed, N skipped`. A report that is missing counts as a failure of that runner.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export function summarise(reportDir, expected) {
  const total = { passed: 0, failed: 0, skipped: 0, missing: [] };
  for (const [name, kind] of expected) {
    const file = join(reportDir, name);
    if (!existsSync(file)) {
      total.missing.push(name);
      total.failed += 1;
      continue;
    }
    let r;
    try {
      r = JSON.parse(readFileSync(file, 'utf8'));
    } catch {
      total.missing.push(name);
      total.failed += 1;
      continue;
    }
    if (kind === 'vitest') {
      total.passed += r.numPassedTests ?? 0;
      total.failed += (r.numFailedTests ?? 0) + ((r.numFailedTestSuites ?? 0) ? countSuiteErrors(r) : 0);
      total.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
    } else {
      const s = r.stats ?? {};
      total.passed += (s.expected ?? 0) + (s.flaky ?? 0);
      total.failed += s.unexpected ?? 0;
      total.skipped += s.skipped ?? 0;
      if ((r.errors ?? []).length > 0 && (s.expected ?? 0) + (s.unexpected ?? 0) === 0) total.failed += 1;
    }
  }
  return total;
}

/** Suites that failed to load (syntax error, import crash) have no tests; count each as one failure. */
function countSuiteErrors(r) {
  return (r.testResults ?? []).filter((t) => t.status === 'failed' && (t.assertionResults ?? []).length === 0)
    .length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const t = summarise('reports', [
    ['vitest.json', 'vitest'],
    ['playwright.json', 'playwright'],
    ['playwright-electron.json', 'playwright'],
  ]);
  // Checks run outside the test runners (typecheck, lint) are counted by .ci/run as one test each.
  for (const arg of process.argv.slice(2)) {
    const m = /^--extra-(passed|failed)=(\d+)$/.exec(arg);
    if (m) t[m[1]] += Number(m[2]);
  }
  if (t.missing.length) console.log(`(missing or unreadable reports: ${t.missing.join(', ')})`);
  console.log(`${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped`);
  process.exit(t.failed > 0 ? 1 : 0);
}
