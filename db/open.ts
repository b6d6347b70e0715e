/**
 * Opens the CounterDesk SQLite file with the pragmas the design requires and turns the
 * ways it can fail into typed errors (not a SQLite file, locked, read-only, missing dir).
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { AppError } from '../shared/contract/errors';

export type SqliteDb = Database.Database;

export interface OpenOptions {
  readonly?: boolean;
  /** ms to wait on a lock held by another connection. */
  busyTimeoutMs?: number;
}

export function openSqlite(file: string, opts: OpenOptions = {}): SqliteDb {
  if (file !== ':memory:' && !opts.readonly) {
    try {
      mkdirSync(dirname(file), { recursive: true });
    } catch (e) {
      throw new AppError('DB_DIR_UNWRITABLE', { path: dirname(file), cause: String(e) });
    }
  }
  if (opts.readonly && !existsSync(file)) throw new AppError('DB_NOT_FOUND', { path: file });
  let db: SqliteDb;
  try {
    db = new Database(file, { readonly: opts.readonly ?? false, fileMustExist: opts.readonly ?? false });
  } catch (e) {
    throw mapSqliteError(e, file);
  }
  try {
    db.pragma(`busy_timeout = ${opts.busyTimeoutMs ?? 5000}`);
    // The first real read: fails here when the file is not a database.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    if (!opts.readonly) {
      db.pragma('journal_mode = WAL');
    }
    db.pragma('synchronous = FULL');
    db.pragma('foreign_keys = ON');
  } catch (e) {
    db.close();
    throw mapSqliteError(e, file);
  }
  return db;
}

/** Turns a better-sqlite3 error into the AppError a user can act on. */
export function mapSqliteError(e: unknown, file: string): AppError {
  if (e instanceof AppError) return e;
  const code = (e as { code?: string }).code ?? '';
  const message = e instanceof Error ? e.message : String(e);
  const is = (prefix: string) => code === prefix || code.startsWith(`${prefix}_`);
  if (is('SQLITE_NOTADB') || /not a database/i.test(message)) {
    return new AppError('DB_NOT_SQLITE', { path: file });
  }
  if (is('SQLITE_BUSY') || is('SQLITE_LOCKED')) return new AppError('DB_LOCKED', { path: file });
  if (is('SQLITE_READONLY') || is('SQLITE_CANTOPEN') || is('SQLITE_PERM') || is('SQLITE_AUTH')) {
    return new AppError('DB_READ_ONLY', { path: file });
  }
  if (is('SQLITE_FULL')) return new AppError('DB_DISK_FULL', { path: file });
  if (is('SQLITE_CORRUPT')) return new AppError('DB_CORRUPT', { path: file });
  if (is('SQLITE_IOERR')) return new AppError('DB_IO_ERROR', { path: file, cause: message });
  return new AppError('DB_OPEN_FAILED', { path: file, cause: message });
}

const STORAGE_CODES = [
  'SQLITE_FULL',
  'SQLITE_BUSY',
  'SQLITE_LOCKED',
  'SQLITE_READONLY',
  'SQLITE_IOERR',
  'SQLITE_CORRUPT',
  'SQLITE_NOTADB',
  'SQLITE_CANTOPEN',
  'SQLITE_PERM',
];

/**
 * The typed error for a storage fault a user can act on (disk full, locked, read-only, I/O,
 * corrupt), or null for anything else (a constraint or a bug stays INTERNAL).
 */
export function storageError(e: unknown, file: string): AppError | null {
  const code = (e as { code?: unknown } | null)?.code;
  if (typeof code !== 'string') return null;
  return STORAGE_CODES.some((c) => code === c || code.startsWith(`${c}_`)) ? mapSqliteError(e, file) : null;
}

/** Closes after letting SQLite refresh its statistics (Signal does the same). */
export function closeSqlite(db: SqliteDb): void {
  if (!db.open) return;
  try {
    if (!db.readonly) db.pragma('optimize');
  } catch {
    // optimize is advisory
  }
  db.close();
}
