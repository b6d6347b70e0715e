import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupDir } from '../../../core/services/backup/backup';
import { applyPendingRestore, PENDING_RESTORE_FILE } from '../../../core/services/backup/pending-restore';
import { composeCore } from '../../../core/compose';
import { verifyAudit } from '../../../db/audit/chain';
import type { SqliteDb } from '../../../db/open';
import type { MethodName, MethodOutput } from '../../../shared/contract';
import type { Result } from '../../../shared/contract/errors';
import type { Connection } from '../../../core/context';
import { makeCore, type CoreFixture } from '../../helpers/core-fixture';

/** A typed contract call through the real dispatcher. */
const typed =
  (f: CoreFixture) =>
  <K extends MethodName>(conn: Connection, m: K, input: unknown): Promise<Result<MethodOutput<K>>> =>
    f.core.dispatcher.call(conn, m, input) as Promise<Result<MethodOutput<K>>>;

/** The stored store name (settings values are JSON). */
const storeName = (db: SqliteDb): unknown =>
  JSON.parse(
    (db.prepare("SELECT value FROM settings WHERE key = 'storeName'").get() as { value: string } | undefined)
      ?.value ?? 'null',
  );

describe('backups from the Settings screen (backup.* methods)', () => {
  it('only managers and admins may see or make backups', async () => {
    const f = makeCore();
    try {
      for (const code of ['C001', 'T001', 'I001']) {
        const r = await f.core.dispatcher.call(await f.as(code), 'backup.status', {});
        expect(r.ok ? 'ok' : r.error.code, code).toBe('FORBIDDEN');
      }
      const r = await f.core.dispatcher.call(await f.as('A001'), 'backup.status', {});
      expect(r.ok).toBe(true);
    } finally {
      f.close();
    }
  });

  it('backs up now, lists it, verifies it, changes the schedule — each audited', async () => {
    const f = makeCore();
    try {
      const m = await f.as('M001');
      const call = typed(f);
      const made = await call(m, 'backup.now', {});
      expect(made.ok).toBe(true);
      if (!made.ok) return;
      expect(made.value.name).toBe('counterdesk-20261123T020000Z-manual.sqlite');
      const status = await call(m, 'backup.status', {});
      if (!status.ok) throw new Error(status.error.code);
      expect(status.value.backups).toEqual([
        { name: made.value.name, kind: 'manual', at: Date.UTC(2026, 10, 23, 2), bytes: made.value.bytes },
      ]);
      expect(status.value.schedule).toEqual({ mode: 'daily', at: '22:30', keep: 30 });
      expect(status.value.pendingRestore).toBeNull();
      const verified = await call(m, 'backup.verify', { name: made.value.name });
      expect(verified.ok && verified.value.auditRows).toBe(made.value.auditRows);
      const sched = await call(m, 'backup.setSchedule', {
        mode: 'interval',
        hours: 6,
        keep: 10,
      });
      expect(sched.ok).toBe(true);
      const bad = await call(m, 'backup.setSchedule', {
        mode: 'daily',
        at: '7pm',
        keep: 10,
      });
      expect(bad.ok ? 'ok' : bad.error.code).toBe('INVALID_INPUT');
      const actions = (
        f.core.ctx.db.sqlite
          .prepare("SELECT action FROM audit_log WHERE action LIKE 'backup.%' ORDER BY id")
          .all() as {
          action: string;
        }[]
      ).map((a) => a.action);
      expect(actions).toEqual(['backup.created', 'backup.scheduled']);
    } finally {
      f.close();
    }
  });

  it('refuses paths and unknown names: only files in the backups folder can be verified or restored', async () => {
    const f = makeCore();
    try {
      const m = await f.as('M001');
      const call = typed(f);
      for (const name of ['../counterdesk.sqlite', '/etc/passwd', 'counterdesk-20261123T020000Z.sqlite']) {
        const r = await call(m, 'backup.stageRestore', { name });
        expect(r.ok ? 'ok' : r.error.code, name).toMatch(/INVALID_INPUT|BACKUP_NOT_FOUND/);
      }
      expect(existsSync(join(f.dataDir, PENDING_RESTORE_FILE))).toBe(false);
    } finally {
      f.close();
    }
  });

  it('a damaged backup cannot be staged', async () => {
    const f = makeCore();
    try {
      const m = await f.as('M001');
      const call = typed(f);
      const made = await call(m, 'backup.now', {});
      if (!made.ok) throw new Error(made.error.code);
      writeFileSync(join(backupDir(f.dataDir), made.value.name), 'SQLite format 3\0'.padEnd(8192, 'x'));
      const r = await call(m, 'backup.stageRestore', { name: made.value.name });
      expect(r.ok ? 'ok' : r.error.code).toBe('BACKUP_CORRUPT');
      expect(existsSync(join(f.dataDir, PENDING_RESTORE_FILE))).toBe(false);
    } finally {
      f.close();
    }
  });

  it('a staged restore is applied at the next start, keeps the current data aside and is audited', async () => {
    const f = makeCore();
    const dataDir = f.dataDir;
    const m = await f.as('M001');
    const call = typed(f);
    await call(m, 'settings.update', { storeName: 'Before' });
    const made = await call(m, 'backup.now', {});
    if (!made.ok) throw new Error(made.error.code);
    f.setNow(Date.UTC(2026, 10, 23, 5));
    await call(m, 'settings.update', { storeName: 'After the backup' });
    const staged = await call(m, 'backup.stageRestore', { name: made.value.name });
    expect(staged.ok).toBe(true);
    const status = await call(m, 'backup.status', {});
    expect(status.ok && status.value.pendingRestore).toMatchObject({
      name: made.value.name,
      staffName: expect.any(String),
    });
    // Cancel and stage again: cancelling works and is audited.
    expect(await call(m, 'backup.cancelRestore', {})).toMatchObject({
      ok: true,
      value: { cancelled: true },
    });
    await call(m, 'backup.stageRestore', { name: made.value.name });
    // Nothing changes while the app runs.
    expect(storeName(f.core.ctx.db.sqlite)).toBe('After the backup');
    f.core.close();

    const applied = await applyPendingRestore(dataDir, Date.UTC(2026, 10, 23, 6));
    expect(applied).toMatchObject({ applied: true, ok: true, name: made.value.name });
    expect(existsSync(join(dataDir, PENDING_RESTORE_FILE))).toBe(false);
    const again = composeCore({ dataDir, host: 'cli' });
    try {
      const db = again.ctx.db.sqlite;
      expect(storeName(db)).toBe('Before');
      expect(verifyAudit(db).ok).toBe(true);
      const last = db.prepare('SELECT action, entity_id FROM audit_log ORDER BY id DESC LIMIT 1').get();
      expect(last).toEqual({ action: 'backup.restored', entity_id: made.value.name });
      const kept = (await again.dispatcher.call(await signIn(again), 'backup.status', {})) as {
        ok: true;
        value: { backups: { kind: string }[] };
      };
      expect(kept.value.backups.map((b) => b.kind)).toContain('before-restore');
    } finally {
      again.close();
    }
    // A second start does nothing more.
    expect(await applyPendingRestore(dataDir, Date.UTC(2026, 10, 23, 7))).toEqual({ applied: false });
  });
});

async function signIn(core: ReturnType<typeof composeCore>) {
  const conn = core.connect();
  const r = await core.dispatcher.call(conn, 'auth.signIn', { code: 'M001', pin: '909090' });
  if (!r.ok) throw new Error(r.error.code);
  return conn;
}
