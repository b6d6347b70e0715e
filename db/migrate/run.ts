/**
 * Applies committed drizzle-kit migrations. Like Actual's runner, the applied set must be a
 * prefix of the shipped files; like Signal's, a database from a newer app is refused.
 * Each migration runs in its own transaction and is recorded with its file's SHA-256; an applied
 * migration whose recorded hash differs from the shipped file (someone edited a shipped migration)
 * is refused before anything is written.
 */
import { z } from 'zod';
import { AppError } from '../../shared/contract/errors';
import type { SqliteDb } from '../open';
import { readMigrations, type MigrationFile } from './journal';

export interface MigrateResult {
  applied: string[];
  current: number;
}

export interface MigrateOptions {
  /** Stop after this migration index (upgrade tests build version N−1 first). */
  toIdx?: number;
  /** Called once before the first pending migration is applied (backup hook). */
  beforeApply?: (db: SqliteDb, pending: MigrationFile[], appliedCount: number) => void;
}

const TABLE = 'schema_migrations';

const appliedRow = z.object({ idx: z.number().int(), tag: z.string(), hash: z.string() });
export type AppliedMigration = z.infer<typeof appliedRow>;

export function appliedMigrations(db: SqliteDb): AppliedMigration[] {
  db.exec(
    `CREATE TABLE IF NOT EXISTS ${TABLE} (idx INTEGER PRIMARY KEY, tag TEXT NOT NULL, hash TEXT NOT NULL, applied_at INTEGER NOT NULL)`,
  );
  return z.array(appliedRow).parse(db.prepare(`SELECT idx, tag, hash FROM ${TABLE} ORDER BY idx`).all());
}

export function migrate(db: SqliteDb, folder: string, opts: MigrateOptions = {}): MigrateResult {
  const files = readMigrations(folder);
  const applied = appliedMigrations(db);
  if (applied.length > files.length) {
    throw new AppError('DB_FROM_NEWER_APP', { dbVersion: applied.length, appVersion: files.length });
  }
  applied.forEach((row, i) => {
    const file = files[i];
    if (!file || row.idx !== file.idx || row.tag !== file.tag) {
      throw new AppError('DB_MIGRATIONS_OUT_OF_SYNC', { at: i, dbTag: row.tag, appTag: file?.tag ?? null });
    }
    if (row.hash !== file.hash) {
      throw new AppError('DB_MIGRATION_HASH_MISMATCH', {
        tag: row.tag,
        dbHash: row.hash.slice(0, 12),
        appHash: file.hash.slice(0, 12),
      });
    }
  });
  const last = opts.toIdx ?? files.length - 1;
  const pending = files.slice(applied.length).filter((f) => f.idx <= last);
  if (pending.length > 0) opts.beforeApply?.(db, pending, applied.length);
  const record = db.prepare(`INSERT INTO ${TABLE} (idx, tag, hash, applied_at) VALUES (?, ?, ?, ?)`);
  for (const file of pending) {
    db.transaction(() => {
      for (const stmt of file.statements) db.exec(stmt);
      record.run(file.idx, file.tag, file.hash, Date.now());
    })();
  }
  return { applied: pending.map((p) => p.tag), current: applied.length + pending.length };
}
