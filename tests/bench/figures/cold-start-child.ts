/**
 * One core cold start in a process of its own (spawned by core-figures with `node --import tsx`):
 * loads core's modules, composes core on the data directory given as argv[2] (open DB, migration
 * check, compose services), closes it and prints one JSON line with the times since process start
 * (`performance.now()` counts from the process's time origin).
 */
async function main(): Promise<void> {
  const started = performance.now();
  const { composeCore } = await import('../../../core/compose');
  const loaded = performance.now();
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: cold-start-child.ts <dataDir>');
  const core = composeCore({ dataDir, host: 'cli' });
  const ready = performance.now();
  core.close();
  console.log(JSON.stringify({ started, loaded, ready }));
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
