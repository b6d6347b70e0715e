/**
 * Restoring a backup while the app is stopped: the backup must pass verification, the current
 * database is first kept aside as a backup itself, then the file is swapped in atomically.
 */
import { copyFileSync, existsSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { openDatabase } from '../../../db/client';
import { onlineBackup } from '../../../db/maintenance';
import { AppError } from '../../../shared/contract/errors';
import { dbPath } from '../../data-dir';
import { backupDir, backupNow, verifyDatabaseFile } from './backup';

export interface RestoreResult {
  restored: string;
  previousKeptAs: string | null;
  auditRows: number;
}

export async function restoreBackup(dataDir: string, file: string, now: number): Promise<RestoreResult> {
  if (!existsSync(file)) throw new AppError('BACKUP_NOT_FOUND', { file });
  const { auditRows } = verifyDatabaseFile(file);
  const target = dbPath(dataDir);
  let previousKeptAs: string | null = null;
  if (existsSync(target)) {
    // Keep the current database (verified or not, it is the user's data) before replacing it.
    const current = openDatabase(target, { migrate: false });
    try {
      previousKeptAs = (
        await backupNow(current, backupDir(dataDir), now, 'before-restore').catch(async () => {
          const raw = join(backupDir(dataDir), `counterdesk-before-restore-unverified-${now}.sqlite`);
          await onlineBackup(current, raw);
          return { file: raw };
        })
      ).file;
    } finally {
      current.close();
    }
  }
  const staging = `${target}.restoring`;
  copyFileSync(file, staging);
  try {
    // Bring the copy up to this app's schema first (refuses one from a newer app) — the live file is untouched until this passed.
    openDatabase(staging).close();
    verifyDatabaseFile(staging);
  } catch (e) {
    for (const suffix of ['', '-wal', '-shm']) rmSync(`${staging}${suffix}`, { force: true });
    throw e;
  }
  for (const suffix of ['-wal', '-shm']) rmSync(`${target}${suffix}`, { force: true });
  renameSync(staging, target);
  return { restored: file, previousKeptAs, auditRows };
}
