/** The database handle core uses: raw better-sqlite3 for hot paths, drizzle for the rest. */
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate, type MigrateOptions, type MigrateResult } from './migrate/run';
import { migrationsDir } from './migrations-dir';
import { closeSqlite, openSqlite, storageError, type OpenOptions, type SqliteDb } from './open';
import * as schema from './schema';

export type Orm = BetterSQLite3Database<typeof schema>;

export interface DbClient {
  readonly path: string;
  readonly sqlite: SqliteDb;
  readonly orm: Orm;
  readonly migration: MigrateResult | null;
  /**
   * Runs `fn` in one transaction (BEGIN IMMEDIATE with `immediate`: take the write lock first, for
   * commands that read then write). Nested calls become savepoints. Commits on return, rolls back on throw.
   */
  transaction<T>(fn: () => T, mode?: 'deferred' | 'immediate'): T;
  /** `PRAGMA data_version`: changes when another connection commits (a cheap "did anything change?"). */
  dataVersion(): number;
  close(): void;
}

export interface OpenDatabaseOptions extends OpenOptions, MigrateOptions {
  /** Apply pending migrations (default true for read-write handles). */
  migrate?: boolean;
  migrationsFolder?: string;
}

export function openDatabase(path: string, opts: OpenDatabaseOptions = {}): DbClient {
  const sqlite = openSqlite(path, opts);
  let migration: MigrateResult | null = null;
  try {
    if (opts.migrate ?? !opts.readonly) {
      migration = migrate(sqlite, opts.migrationsFolder ?? migrationsDir(), opts);
    }
  } catch (e) {
    sqlite.close();
    throw storageError(e, path) ?? e;
  }
  return clientOf(path, sqlite, migration);
}

const clients = new WeakMap<SqliteDb, DbClient>();

/**
 * The DbClient that wraps this handle (the same one, so the same statement cache), for tests and
 * migration upgrade tests that opened a raw handle. Core receives the DbClient from compose.
 */
export function clientOfHandle(sqlite: SqliteDb): DbClient {
  return clients.get(sqlite) ?? clientOf(sqlite.name, sqlite);
}

/** Wraps an open better-sqlite3 handle (e.g. a worker's read-only one) as a DbClient. */
export function clientOf(path: string, sqlite: SqliteDb, migration: MigrateResult | null = null): DbClient {
  const orm = drizzle(sqlite, { schema });
  const dataVersion = sqlite.prepare('PRAGMA data_version').pluck();
  const client: DbClient = {
    path,
    sqlite,
    orm,
    migration,
    transaction: (fn, mode = 'deferred') => {
      const tx = sqlite.transaction(fn);
      return mode === 'immediate' ? tx.immediate() : tx();
    },
    dataVersion: () => dataVersion.get() as number,
    close: () => closeSqlite(sqlite),
  };
  clients.set(sqlite, client);
  return client;
}

export { schema };
