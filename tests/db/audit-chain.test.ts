import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openDatabase, type DbClient } from '../../db/client';
import { appendAudit, verifyAudit } from '../../db/audit/chain';
import { tempDir } from '../helpers/temp-dir';

let db: DbClient;
beforeEach(() => {
  db = openDatabase(join(tempDir(), 'audit.sqlite'));
  db.sqlite.transaction(() => {
    for (let i = 1; i <= 10; i++) {
      appendAudit(db.sqlite, {
        at: 1_700_000_000_000 + i,
        storeId: 1,
        staffId: 7,
        action: 'refund.committed',
        entityType: 'return',
        entityId: `R-${i}`,
        data: { amountMinor: i * 100, 中文: '退货' },
      });
    }
  })();
  return () => db.close();
});

/** An attacker with the sqlite3 shell can drop the triggers; the chain still catches the edit. */
function dropGuards(): void {
  db.sqlite.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
}

describe('hash-chained audit log', () => {
  it('verifies an untouched chain', () => {
    expect(verifyAudit(db.sqlite)).toEqual({ ok: true, rowsChecked: 10, problems: [] });
  });

  it('refuses to write an audit row outside a transaction', () => {
    expect(() =>
      appendAudit(db.sqlite, {
        at: 1,
        storeId: 1,
        staffId: null,
        action: 'x',
        entityType: 'x',
        entityId: '1',
        data: {},
      }),
    ).toThrow(/inside the transaction/);
  });

  it('an audit row rolls back with its change', () => {
    expect(() =>
      db.sqlite.transaction(() => {
        appendAudit(db.sqlite, {
          at: 1,
          storeId: 1,
          staffId: null,
          action: 'x',
          entityType: 'x',
          entityId: '1',
          data: {},
        });
        throw new Error('change failed');
      })(),
    ).toThrow('change failed');
    expect(verifyAudit(db.sqlite)).toMatchObject({ ok: true, rowsChecked: 10 });
  });

  it('names a tampered row', () => {
    dropGuards();
    db.sqlite.prepare(`UPDATE audit_log SET data = '{"amountMinor":99999}' WHERE id = 4`).run();
    const r = verifyAudit(db.sqlite);
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual([{ rowId: 4, kind: 'tampered' }]);
  });

  it('finds a deleted row by the broken link of the next one', () => {
    dropGuards();
    db.sqlite.prepare('DELETE FROM audit_log WHERE id = 6').run();
    expect(verifyAudit(db.sqlite).problems).toEqual([{ rowId: 7, kind: 'broken-link' }]);
  });

  it('finds a deleted last row through the chain head', () => {
    dropGuards();
    db.sqlite.prepare('DELETE FROM audit_log WHERE id = 10').run();
    expect(verifyAudit(db.sqlite).problems).toEqual([{ rowId: 10, kind: 'head-mismatch' }]);
  });

  it('catches a row re-hashed by someone who does not know the chain', () => {
    dropGuards();
    db.sqlite.prepare(`UPDATE audit_log SET staff_id = 1, hash = '${'a'.repeat(64)}' WHERE id = 3`).run();
    const kinds = verifyAudit(db.sqlite).problems.map((p) => `${p.rowId}:${p.kind}`);
    expect(kinds).toEqual(['3:tampered', '4:broken-link']);
  });
});
