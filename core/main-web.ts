/**
 * `npm run dev:web` / browser host entry: composes core in plain Node and serves the built
 * renderer plus the loopback bridge. First run creates the demo store unless --no-demo.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { isAppError } from '../shared/contract/errors';
import { resources } from '../shared/i18n';
import { makeTranslator } from '../shared/i18n/translate';
import { startHostBackups } from './services/backup/host-backups';
import { applyPendingRestore, describeAppliedRestore } from './services/backup/pending-restore';
import { pickLocale } from './cli/output';
import { composeCore } from './compose';
import { startWebHost } from './bridge/web-host';
import { defaultDataDir, makeDataPrivate } from './data-dir';
import { parseHostArgs } from './host-args';
import { installHostShutdown } from './host-shutdown';
import { acquireInstanceLock } from './instance-lock';

// Installed before anything is opened: a SIGTERM at any moment after start closes cleanly (exit 0).
const shutdown = installHostShutdown();

async function main(): Promise<void> {
  const args = parseHostArgs(process.argv.slice(2));
  const dataDir = args.dataDir ?? defaultDataDir();
  makeDataPrivate(dataDir);
  const lock = acquireInstanceLock(dataDir, 'web host');
  shutdown.onStop(() => lock.release());
  const restored = describeAppliedRestore(await applyPendingRestore(dataDir, Date.now()));
  if (restored) console.log(restored);
  const core = composeCore({
    dataDir,
    host: 'web',
    firstRun: args.demo ? 'demo' : 'empty',
    startDevices: true,
  });
  shutdown.onStop(() => core.close());
  const staticDir = resolve(args.staticDir ?? 'dist-web');
  if (!existsSync(resolve(staticDir, 'index.html'))) {
    console.error(`CounterDesk: renderer not built in ${staticDir}; run \`npm run build:renderer\` first.`);
  }
  const backups = startHostBackups(core);
  shutdown.onStop(() => backups.stop());
  const web = await startWebHost(core, {
    port: args.port,
    staticDir,
    token: process.env.COUNTERDESK_BRIDGE_TOKEN,
  });
  shutdown.onStop(() => web.close());
  if (core.created)
    console.log(`CounterDesk: created ${core.ctx.demo ? 'the demo store' : 'a new store'} in ${dataDir}`);
  console.log(`CounterDesk data: ${dataDir}`);
  console.log(`CounterDesk is running at ${web.url}`);
  shutdown.ready();
}

main().catch((e: unknown) => {
  const code = (e as { code?: string }).code;
  const text = isAppError(e)
    ? makeTranslator(resources, pickLocale(undefined))(`errors.${e.code}`, e.details)
    : e instanceof Error
      ? e.message
      : String(e);
  console.error(`CounterDesk could not start: ${code ?? ''} ${text}`);
  void shutdown.stop(1);
});
