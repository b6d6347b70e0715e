/**
 * Shipped migrations never change. CI recomputes each db/migrations/*.sql hash against the committed
 * manifest (db/migrations-hashes.json); at start-up a database whose applied migration was recorded
 * with another hash is refused with a typed error, and nothing in it is touched.
 */
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/client';
import { readMigrations } from '../../../db/migrate/journal';
import { migrationsDir } from '../../../db/migrations-dir';
import { AppError } from '../../../shared/contract/errors';
import { tempDir } from '../../helpers/temp-dir';

const manifestPath = join(migrationsDir(), '..', 'migrations-hashes.json');

function sha256(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

describe('shipped migration hashes', () => {
  it('match the committed manifest, file for file (an edited shipped migration fails CI)', () => {
    const manifest: unknown = JSON.parse(readFileSync(manifestPath, 'utf8'));
    const onDisk = Object.fromEntries(
      readdirSync(migrationsDir())
        .filter((f) => f.endsWith('.sql'))
        .sort()
        .map((f) => [f.replace(/\.sql$/, ''), sha256(join(migrationsDir(), f))]),
    );
    // A new migration's line for the manifest is in the diff this prints.
    expect(onDisk).toEqual(manifest);
    // The runner hashes the same bytes the manifest pins.
    expect(Object.fromEntries(readMigrations(migrationsDir()).map((m) => [m.tag, m.hash]))).toEqual(manifest);
  });

  it('refuses to open a database whose applied migration was recorded with another hash, data untouched', () => {
    const file = join(tempDir(), 'edited.sqlite');
    openDatabase(file).close();
    const raw = new Database(file);
    raw
      .prepare(
        "INSERT INTO stores (code, name, time_zone, currency, locale, demo, created_at) VALUES ('S1', 'Shop', 'Asia/Shanghai', 'CNY', 'zh-CN', 0, 1)",
      )
      .run();
    raw.prepare("UPDATE schema_migrations SET hash = 'edited' WHERE idx = 2").run();
    const before = raw.prepare('SELECT idx, tag, hash, applied_at FROM schema_migrations ORDER BY idx').all();
    raw.close();

    let error: unknown = null;
    try {
      openDatabase(file).close();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AppError);
    expect(error instanceof AppError && error.code).toBe('DB_MIGRATION_HASH_MISMATCH');
    expect(error instanceof AppError && error.details.tag).toBe('0002_returns_devices_print_queue');

    const after = new Database(file, { readonly: true });
    expect(
      after.prepare('SELECT idx, tag, hash, applied_at FROM schema_migrations ORDER BY idx').all(),
    ).toEqual(before);
    expect(after.prepare('SELECT code, name FROM stores').all()).toEqual([{ code: 'S1', name: 'Shop' }]);
    after.close();
  });
});
