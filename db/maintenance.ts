/**
 * Whole-database operations the backup service needs: SQLite's integrity check, the online backup
 * API, VACUUM INTO, and opening a backup file read-only to check it.
 */
import Database from 'better-sqlite3';
import type { DbClient } from './client';
import type { SqliteDb } from './open';

/** Opens `file` read-only (it must exist, no pragmas applied), runs `fn` on it, and closes it. */
export function withReadonlyFile<T>(file: string, fn: (sqlite: SqliteDb) => T): T {
  let sqlite: SqliteDb | null = null;
  try {
    sqlite = new Database(file, { readonly: true, fileMustExist: true });
    return fn(sqlite);
  } finally {
    sqlite?.close();
  }
}

/** `PRAGMA integrity_check`: `['ok']` for a sound database, else the problems it lists. */
export function integrityCheck(sqlite: SqliteDb): string[] {
  return sqlite
    .prepare<[], { integrity_check: string }>('PRAGMA integrity_check')
    .all()
    .map((r) => r.integrity_check);
}

/** A consistent copy of the live database written to `file` while the app keeps working. */
export async function onlineBackup(db: DbClient, file: string): Promise<void> {
  await db.sqlite.backup(file);
}

/** A consistent, compact copy written to `file` synchronously (`VACUUM INTO`). */
export function vacuumInto(sqlite: SqliteDb, file: string): void {
  sqlite.prepare('VACUUM INTO ?').run(file);
}
