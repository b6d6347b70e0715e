/**
 * `npm run bench [-- --quick] [-- --only a,b] [-- --skip browser,printer]`: the figures of
 * ../shared/BENCH.md on the seeded dataset (tests/bench/dataset: full = "large store, three years",
 * quick = ~20k sales), built once into .bench-data/ and copied fresh for each run. Prints one table
 * (`name  value  unit  [ratio]`, misses as MISS) and writes bench-results.json.
 *
 * Groups, in order: core (cold start, receipt lookup vs raw, bare commit), lookup (phone suffix /
 * name prefix vs raw), commit (return commit vs bare), printer (queue vs raw serialport over a
 * paced pty pair), meter (UT61E bytes → parser → stable capture → DB), browser (scan-to-screen
 * in Chromium against the web host), reports (daily summary, monthly KPIs, event-loop block), rss (last:
 * the web host's RSS — the one the browser group used, kept running, or an idle one started for it —
 * and, for reference, the bench runner's own).
 */
import { rmSync } from 'node:fs';
import { ensureDataset, workingCopy } from './dataset/dataset';
import { openBenchSession } from './figures/bench-session';
import { benchStaticDir, browserFigures, startHost, stopHost, type WebHost } from './figures/browser-figures';
import { commitFigures } from './figures/commit-figures';
import { coreFigures } from './figures/core-figures';
import { lookupFigures } from './figures/lookup-figures';
import { meterFigures } from './figures/meter-figures';
import { printerFigures } from './figures/printer-figures';
import { reportFigures } from './figures/report-figures';
import { rssFigures } from './figures/rss-figures';
import { errorFigure, printTable, writeResults, type Figure } from './harness';

type Group = 'core' | 'lookup' | 'commit' | 'reports' | 'meter' | 'printer' | 'browser' | 'rss';
const GROUPS: readonly Group[] = [
  'core',
  'lookup',
  'commit',
  'reports',
  'meter',
  'printer',
  'browser',
  'rss',
];

function listFlag(name: string): string[] | undefined {
  const i = process.argv.indexOf(`--${name}`);
  const eq = process.argv.find((a) => a.startsWith(`--${name}=`));
  const raw = eq ? eq.slice(name.length + 3) : i >= 0 ? process.argv[i + 1] : undefined;
  return raw ? raw.split(',').map((s) => s.trim()) : undefined;
}

async function main(): Promise<void> {
  const quick = process.argv.includes('--quick');
  const only = listFlag('only');
  const skip = listFlag('skip') ?? [];
  const unknown = [...(only ?? []), ...skip].filter((g) => !(GROUPS as readonly string[]).includes(g));
  if (unknown.length > 0)
    throw new Error(`unknown bench group(s) ${unknown.join(', ')}; known: ${GROUPS.join(', ')}`);
  const want = (g: Group) => (only ? only.includes(g) : true) && !skip.includes(g);
  const started = Date.now();
  const dataset = ensureDataset(quick ? 'quick' : 'full');
  const dir = workingCopy(dataset);
  const figures: Figure[] = [];
  let host: WebHost | null = null;
  let running: Group | null = null;
  const report = (): void => {
    console.log(
      `CounterDesk bench (${quick ? 'quick' : 'full'} mode, ${process.version}, dataset ${dataset.kind}-v${dataset.version}: ` +
        `${dataset.counts.sales} sales, ${dataset.counts.sale_lines} lines, ${dataset.built ? `built in ${(dataset.buildMs / 1000).toFixed(0)} s` : 'reused'}; ` +
        `${((Date.now() - started) / 1000).toFixed(0)} s)`,
    );
    printTable(figures);
    for (const f of figures) if (f.error !== undefined) console.log(`ERROR ${f.name}: ${f.error}`);
    writeResults('bench-results.json', quick ? 'quick' : 'full', figures);
    console.log('wrote bench-results.json');
  };
  // A group whose promise never settles (a child process that never exits, say) would otherwise let
  // Node end the run silently: record it as a miss and still print the table.
  const onStall = (): void => {
    figures.push(
      errorFigure(
        `${running ?? 'bench'} figures`,
        'never finished: nothing left to wait for (a promise never settled)',
      ),
    );
    rmSync(dir, { recursive: true, force: true });
    report();
    process.exitCode = 1;
  };
  process.once('beforeExit', onStall);
  const group = async (g: Group, run: () => Promise<Figure[]>): Promise<void> => {
    if (!want(g)) return;
    const t = Date.now();
    running = g;
    try {
      figures.push(...(await run()));
    } catch (e) {
      figures.push(errorFigure(`${g} figures`, e instanceof Error ? e.message : String(e)));
    }
    running = null;
    console.error(`bench: ${g} done in ${((Date.now() - t) / 1000).toFixed(1)} s`);
  };
  try {
    await group('core', async () =>
      // The phone lookup of core-figures has no raw baseline; lookup-figures measures it with one.
      (await coreFigures(dir, quick)).filter((f) => f.name !== 'customer lookup by phone suffix p99'),
    );
    await group('lookup', async () => {
      const s = await openBenchSession(dir, dataset.end);
      try {
        return await lookupFigures(s, quick);
      } finally {
        s.close();
      }
    });
    await group('commit', async () => {
      const s = await openBenchSession(dir, dataset.end);
      try {
        return await commitFigures(s, quick);
      } finally {
        s.close();
      }
    });
    await group('reports', async () => {
      const s = await openBenchSession(dir, dataset.end, '9001', '909090');
      try {
        return await reportFigures(s, dataset.end, quick);
      } finally {
        s.close();
      }
    });
    await group('meter', async () => meterFigures(quick));
    await group('printer', () => printerFigures(quick));
    await group('browser', () =>
      browserFigures(dir, dataset.end, quick, (h) => {
        host = h;
      }),
    );
    await group('rss', async () => {
      if (host) return rssFigures(host, 'after serving the browser group, kept running to the end');
      host = await startHost(dir, benchStaticDir());
      return rssFigures(host, 'idle: started for this figure (the browser group did not run)');
    });
  } finally {
    if (host) await stopHost(host);
    rmSync(dir, { recursive: true, force: true });
  }
  process.off('beforeExit', onStall);
  report();
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
