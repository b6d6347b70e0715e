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
  const orm = drizzle(sqlite, { schema });
  return { path, sqlite, orm, migration, close: () => closeSqlite(sqlite) };
}

export { schema };
