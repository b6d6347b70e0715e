import Database from 'better-sqlite3';
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDir, backupNow, listBackups, rotateBackups } from '../../../core/services/backup/backup';
import { restoreBackup } from '../../../core/services/backup/restore';
import { composeCore } from '../../../core/compose';
import { dbPath } from '../../../core/data-dir';
import { acquireInstanceLock } from '../../../core/instance-lock';
import { AppError } from '../../../shared/contract/errors';
import { migrate } from '../../../db/migrate/run';
import { migrationsDir } from '../../../db/migrations-dir';
import { openSqlite } from '../../../db/open';
import { makeCore } from '../../helpers/core-fixture';
import { tempDir } from '../../helpers/temp-dir';

const codeOf = async (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => (e instanceof AppError ? e.code : String(e)),
  );

describe('backups', () => {
  it('writes a verified online backup while the app keeps writing, and rotates old ones', async () => {
    const f = makeCore();
    try {
      const db = f.core.ctx.db;
      const dir = backupDir(f.dataDir);
      const info = await backupNow(db, dir, Date.UTC(2026, 10, 23, 1));
      expect(info).toMatchObject({ integrity: 'ok', auditRows: 5 });
      // The copy has the staff the live database has.
      const copy = new Database(info.file, { readonly: true });
      expect(copy.prepare('SELECT count(*) AS n FROM staff').get()).toEqual({ n: 5 });
      copy.close();
      for (let h = 2; h <= 5; h++) await backupNow(db, dir, Date.UTC(2026, 10, 23, h));
      expect(listBackups(dir)).toHaveLength(5);
      const removed = rotateBackups(dir, 3);
      expect(removed).toHaveLength(2);
      expect(listBackups(dir).map((b) => b.name)).toEqual([
        'counterdesk-20261123T050000Z.sqlite',
        'counterdesk-20261123T040000Z.sqlite',
        'counterdesk-20261123T030000Z.sqlite',
      ]);
    } finally {
      f.close();
    }
  });

  it('restores a backup: later changes are gone, the current data is kept aside first', async () => {
    const f = makeCore();
    const dataDir = f.dataDir;
    const backup = await backupNow(f.core.ctx.db, backupDir(dataDir), Date.UTC(2026, 10, 23, 1));
    const manager = await f.as('M001');
    expect((await f.core.dispatcher.call(manager, 'settings.update', { storeName: 'After backup' })).ok).toBe(
      true,
    );
    f.core.close();

    const r = await restoreBackup(dataDir, backup.file, Date.UTC(2026, 10, 23, 9));
    expect(r.previousKeptAs).toMatch(/before-restore/);
    const again = composeCore({ dataDir, host: 'cli' });
    expect(
      (
        again.ctx.db.sqlite.prepare("SELECT value FROM settings WHERE key = 'storeName'").get() as {
          value: string;
        }
      ).value,
    ).not.toContain('After backup');
    again.close();
    // The kept-aside copy has the newer change.
    const kept = new Database(r.previousKeptAs as string, { readonly: true });
    expect(
      (kept.prepare("SELECT value FROM settings WHERE key = 'storeName'").get() as { value: string }).value,
    ).toContain('After backup');
    kept.close();
  });

  it('refuses a corrupt or missing backup and leaves the live database untouched', async () => {
    const f = makeCore();
    const dataDir = f.dataDir;
    f.core.close();
    const bad = join(tempDir(), 'counterdesk-bad.sqlite');
    writeFileSync(bad, 'SQLite format 3\0'.padEnd(8192, 'x'));
    expect(await codeOf(restoreBackup(dataDir, bad, 1))).toBe('BACKUP_CORRUPT');
    expect(await codeOf(restoreBackup(dataDir, join(dataDir, 'nope.sqlite'), 1))).toBe('BACKUP_NOT_FOUND');
    const live = composeCore({ dataDir, host: 'cli' });
    expect(live.ctx.db.sqlite.prepare('SELECT count(*) AS n FROM staff').get()).toEqual({ n: 5 });
    live.close();
  });

  it('takes a backup before migrating an existing database', () => {
    const dataDir = tempDir();
    // Build a database at migration 0 only, then let compose upgrade it.
    const db = openSqlite(dbPath(dataDir));
    migrate(db, migrationsDir(), { toIdx: 0 });
    db.close();
    const core = composeCore({ dataDir, host: 'cli', firstRun: 'empty', now: () => Date.UTC(2026, 10, 23) });
    core.close();
    const backups = listBackups(backupDir(dataDir));
    expect(backups).toHaveLength(1);
    expect(backups[0]?.name).toMatch(/before-0001_audit_append_only/);
    expect(existsSync(backups[0]?.file ?? '')).toBe(true);
  });
});

describe('one instance per data directory', () => {
  it('a second holder is refused politely; a stale lock from a dead process is taken over', () => {
    const dir = tempDir();
    const first = acquireInstanceLock(dir, 'web host');
    expect(existsSync(join(dir, 'counterdesk.lock'))).toBe(true);
    first.release();
    expect(existsSync(join(dir, 'counterdesk.lock'))).toBe(false);
    writeFileSync(join(dir, 'counterdesk.lock'), JSON.stringify({ pid: 2_147_483_000, purpose: 'crashed' }));
    const second = acquireInstanceLock(dir, 'web host');
    second.release();
    writeFileSync(join(dir, 'counterdesk.lock'), JSON.stringify({ pid: process.ppid, purpose: 'web host' }));
    let code = '';
    try {
      acquireInstanceLock(dir, 'restore');
    } catch (e) {
      code = e instanceof AppError ? e.code : String(e);
    }
    expect(code).toBe('INSTANCE_RUNNING');
  });
});
