/**
 * Online backups with better-sqlite3's backup API: the app keeps running while a consistent
 * copy is written, then the copy is opened read-only and must pass `integrity_check` and the
 * audit chain verification before it counts. Old backups are rotated.
 */
import { existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { verifyAudit } from '../../../db/audit/chain';
import type { DbClient } from '../../../db/client';
import { integrityCheck, onlineBackup, withReadonlyFile } from '../../../db/maintenance';
import { AppError } from '../../../shared/contract/errors';

export const BACKUP_PREFIX = 'counterdesk-';
export const BACKUP_SUFFIX = '.sqlite';

export interface BackupInfo {
  file: string;
  bytes: number;
  at: number;
  integrity: 'ok';
  auditRows: number;
}

export function backupDir(dataDir: string): string {
  return join(dataDir, 'backups');
}

function stamp(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** Checks a database file: SQLite integrity and the audit chain. Throws BACKUP_CORRUPT / BACKUP_AUDIT_BROKEN. */
export function verifyDatabaseFile(file: string): { auditRows: number } {
  try {
    return withReadonlyFile(file, (db) => {
      const problems = integrityCheck(db);
      if (problems.length !== 1 || problems[0] !== 'ok') {
        throw new AppError('BACKUP_CORRUPT', { file, detail: problems.slice(0, 3).join('; ') });
      }
      const audit = verifyAudit(db);
      if (!audit.ok) throw new AppError('BACKUP_AUDIT_BROKEN', { file, problems: audit.problems.length });
      return { auditRows: audit.rowsChecked };
    });
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('BACKUP_CORRUPT', { file, detail: e instanceof Error ? e.message : String(e) });
  }
}

/** Writes a verified online backup of `db` into `dir` as counterdesk-<UTC stamp>[-label].sqlite. */
export async function backupNow(db: DbClient, dir: string, now: number, label = ''): Promise<BackupInfo> {
  try {
    mkdirSync(dir, { recursive: true });
  } catch (e) {
    throw new AppError('BACKUP_DIR_UNWRITABLE', { dir, detail: String(e) });
  }
  const name = `${BACKUP_PREFIX}${stamp(now)}${label ? `-${label.replace(/[^a-z0-9-]/gi, '')}` : ''}${BACKUP_SUFFIX}`;
  const file = join(dir, name);
  const partial = `${file}.partial`;
  try {
    await onlineBackup(db, partial);
  } catch (e) {
    rmSync(partial, { force: true });
    const code = (e as { code?: string }).code;
    throw new AppError(code === 'SQLITE_FULL' ? 'BACKUP_DISK_FULL' : 'BACKUP_FAILED', {
      dir,
      detail: String(e),
    });
  }
  let verified: { auditRows: number };
  try {
    verified = verifyDatabaseFile(partial);
  } catch (e) {
    rmSync(partial, { force: true });
    throw e;
  }
  renameSync(partial, file);
  return { file, bytes: statSync(file).size, at: now, integrity: 'ok', auditRows: verified.auditRows };
}

export interface StoredBackup {
  file: string;
  name: string;
  bytes: number;
  modifiedAt: number;
}

export function listBackups(dir: string): StoredBackup[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((n) => n.startsWith(BACKUP_PREFIX) && n.endsWith(BACKUP_SUFFIX))
    .map((name) => {
      const file = join(dir, name);
      const st = statSync(file);
      return { file, name, bytes: st.size, modifiedAt: st.mtimeMs };
    })
    .sort((a, b) => b.name.localeCompare(a.name));
}

/** Keeps the newest `keep` backups (names sort by time); returns the removed files. */
export function rotateBackups(dir: string, keep: number): string[] {
  const removed: string[] = [];
  for (const b of listBackups(dir).slice(Math.max(1, keep))) {
    rmSync(b.file, { force: true });
    removed.push(b.file);
  }
  return removed;
}
