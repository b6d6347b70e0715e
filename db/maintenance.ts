/**
 * Whole-database operations outside the services: SQLite's integrity check, the online backup API,
 * VACUUM INTO, opening a backup file read-only to check it, and WAL checkpoints off the commit path.
 *
 * Checkpoints: SQLite's automatic checkpoint runs inside whichever commit crosses the threshold (1000
 * pages by default), so one return commit in ~50 pays for copying the WAL back and fsyncing the
 * database file — the p99 of a commit. Here the automatic checkpoint is only a backstop (10,000 pages
 * ≈ 40 MB) and a PASSIVE checkpoint runs on a timer while the counter is idle between calls (it never
 * waits for readers or blocks a writer). Durability is unchanged: a commit is durable once its WAL
 * frames are fsynced (synchronous=FULL).
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

/** Pages in the WAL before a commit checkpoints by itself (the backstop). */
export const WAL_BACKSTOP_PAGES = 10_000;

/** Starts the idle checkpoints on a writable connection; returns the stop function. */
export function startWalCheckpointer(client: Pick<DbClient, 'sqlite'>, everyMs = 5_000): () => void {
  const db = client.sqlite;
  if (db.readonly) return () => undefined;
  db.pragma(`wal_autocheckpoint = ${WAL_BACKSTOP_PAGES}`);
  const timer = setInterval(() => {
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch {
      // busy or closing: the next tick (or the backstop) does it
    }
  }, everyMs);
  timer.unref?.();
  return () => clearInterval(timer);
}
