/**
 * `npm run bench [-- --quick]`: the figures of ../shared/BENCH.md. Quick mode uses the demo store;
 * full mode uses the seeded "large store, three years" dataset (generator: tests/bench/dataset when
 * present). Prints one table and writes bench-results.json.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeCore } from '../../core/compose';
import { coreFigures } from './figures/core-figures';
import { printTable, writeResults, type Figure } from './harness';

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const figures: Figure[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'cd-bench-'));
  try {
    composeCore({ dataDir: dir, host: 'cli', firstRun: 'demo' }).close();
    figures.push(...(await coreFigures(dir, quick)));
  } finally {
    if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
  }
  console.log(`CounterDesk bench (${quick ? 'quick' : 'full'} mode, ${process.version})`);
  printTable(figures);
  writeResults('bench-results.json', quick ? 'quick' : 'full', figures);
  console.log('wrote bench-results.json');
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
