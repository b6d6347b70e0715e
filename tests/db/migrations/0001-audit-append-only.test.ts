/** Upgrade test for migration 0001: a 0000 database with audit rows gains the append-only triggers. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../../db/audit/chain';
import { migrate } from '../../../db/migrate/run';
import { migrationsDir } from '../../../db/migrations-dir';
import { openSqlite } from '../../../db/open';
import { tempDir } from '../../helpers/temp-dir';

describe('migration 0001_audit_append_only', () => {
  it('upgrades a 0000 database with audit rows, keeps them, and then refuses UPDATE and DELETE', () => {
    const db = openSqlite(join(tempDir(), 'u.sqlite'));
    migrate(db, migrationsDir(), { toIdx: 0 });
    db.transaction(() => {
      for (let i = 0; i < 3; i++) {
        appendAudit(db, {
          at: 1000 + i,
          storeId: 1,
          staffId: null,
          action: 'test.row',
          entityType: 't',
          entityId: String(i),
          data: { i },
        });
      }
    })();
    // Before 0001 the log could still be edited.
    db.prepare('UPDATE audit_log SET action = action WHERE id = 1').run();
    const r = migrate(db, migrationsDir(), { toIdx: 1 });
    expect(r.applied).toEqual(['0001_audit_append_only']);
    expect(verifyAudit(db)).toMatchObject({ ok: true, rowsChecked: 3 });
    expect(() => db.prepare("UPDATE audit_log SET action = 'x' WHERE id = 2").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM audit_log WHERE id = 3').run()).toThrow(/append-only/);
    expect((db.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n).toBe(3);
    db.close();
  });
});
