import Database from 'better-sqlite3';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../db/client';
import { readMigrations } from '../../db/migrate/journal';
import { migrationsDir } from '../../db/migrations-dir';
import { AppError } from '../../shared/contract/errors';
import { tempDir } from '../helpers/temp-dir';

function codeOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (e) {
    return e instanceof AppError ? e.code : `raw: ${String(e)}`;
  }
}

describe('opening the database', () => {
  it('applies every shipped migration with the required pragmas', () => {
    const dir = tempDir();
    const db = openDatabase(join(dir, 'a.sqlite'));
    expect(db.migration?.current).toBe(readMigrations(migrationsDir()).length);
    expect(db.sqlite.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.sqlite.pragma('synchronous', { simple: true })).toBe(2); // FULL
    expect(db.sqlite.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(Number(db.sqlite.pragma('busy_timeout', { simple: true }))).toBeGreaterThan(0);
    db.close();
    // second open: nothing to apply
    const again = openDatabase(join(dir, 'a.sqlite'));
    expect(again.migration?.applied).toEqual([]);
    again.close();
  });

  it('says so when the file is not a SQLite database, and leaves the file alone', () => {
    const dir = tempDir();
    const file = join(dir, 'notes.sqlite');
    writeFileSync(file, 'This is my shopping list, not a database.\n'.repeat(200));
    expect(codeOf(() => openDatabase(file))).toBe('DB_NOT_SQLITE');
    expect(codeOf(() => openDatabase(file))).toBe('DB_NOT_SQLITE');
  });

  it('refuses a database written by a newer CounterDesk', () => {
    const dir = tempDir();
    const file = join(dir, 'b.sqlite');
    openDatabase(file).close();
    const raw = new Database(file);
    raw
      .prepare(
        "INSERT INTO schema_migrations (idx, tag, hash, applied_at) VALUES (999, '0999_future', 'x', 0)",
      )
      .run();
    raw.close();
    expect(codeOf(() => openDatabase(file))).toBe('DB_FROM_NEWER_APP');
  });

  it('refuses a database whose migration history differs from the shipped files', () => {
    const dir = tempDir();
    const file = join(dir, 'c.sqlite');
    openDatabase(file).close();
    const raw = new Database(file);
    raw.prepare("UPDATE schema_migrations SET tag = '0000_someone_elses' WHERE idx = 0").run();
    raw.close();
    expect(codeOf(() => openDatabase(file))).toBe('DB_MIGRATIONS_OUT_OF_SYNC');
  });

  it('reports a read-only data directory clearly', () => {
    if (process.getuid?.() === 0) {
      // root ignores file permissions; the read-only case is covered by opening a missing file read-only.
      expect(codeOf(() => openDatabase('/nonexistent-dir/x.sqlite', { readonly: true }))).toBe(
        'DB_NOT_FOUND',
      );
      return;
    }
    expect(codeOf(() => openDatabase('/proc/counterdesk/x.sqlite'))).toMatch(/DB_/);
  });

  it('keeps the shipped journal strictly increasing (like a CI numbering check)', () => {
    const files = readMigrations(migrationsDir());
    files.forEach((f, i) => expect(f.idx).toBe(i));
  });
});
