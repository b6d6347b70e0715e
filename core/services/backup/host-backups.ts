/** Starts scheduled backups for a running host (web host, Electron main) on its composed core. */
import type { Core } from '../../compose';
import { readSettings } from '../../../db/repositories/store/settings';
import { startBackupScheduler, type BackupScheduler } from './scheduler';

/**
 * The scheduler for `core`: the store's schedule and time zone, messages to `log`. Kept as
 * `core.ctx.services.backups` (the Settings screen shows its next and last run).
 */
export function startHostBackups(
  core: Core,
  log: { log(message: string): void; error(message: string, detail?: unknown): void } = console,
): BackupScheduler {
  const { db, storeId, dataDir } = core.ctx;
  const scheduler = startBackupScheduler({
    db,
    dataDir,
    storeId,
    timeZone: () => readSettings(db, storeId).timeZone,
    now: () => core.ctx.now(),
    log: { info: (m) => log.log(`CounterDesk ${m}`), error: (m, d) => log.error(`CounterDesk ${m}`, d) },
  });
  core.ctx.services.backups = scheduler;
  return scheduler;
}
