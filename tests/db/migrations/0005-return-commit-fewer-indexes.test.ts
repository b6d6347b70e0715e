/**
 * Upgrade test for 0005: a 0004 database with a committed return keeps every row and its audit chain;
 * the five indexes nothing read are gone, and the reads of those tables still search by index.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../../db/audit/chain';
import { migrate } from '../../../db/migrate/run';
import { migrationsDir } from '../../../db/migrations-dir';
import { openSqlite } from '../../../db/open';
import { tempDir } from '../../helpers/temp-dir';

type Db = ReturnType<typeof openSqlite>;

const plan = (db: Db, sql: string, ...p: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...p) as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ');

const indexes = (db: Db): string[] =>
  (
    db
      .prepare(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name NOT LIKE 'sqlite_%' ORDER BY name",
      )
      .all() as { name: string }[]
  ).map((r) => r.name);

const DROPPED = ['audit_at', 'return_lines_sale_line', 'returns_idem', 'stock_moves_ref', 'stock_moves_sku'];

function seed(db: Db): void {
  db.transaction(() => {
    db.prepare(
      "INSERT INTO stores (code, name, time_zone, currency, locale, demo, created_at) VALUES ('S1', 'Shop', 'Asia/Shanghai', 'CNY', 'zh-CN', 0, 1)",
    ).run();
    db.prepare(
      `INSERT INTO sales (id, store_id, receipt_no, sold_at, business_day, currency, subtotal_minor, order_discount_minor, total_minor, tax_included, source)
       VALUES ('pos-1', 1, 'S-20261118-0007', 1, '2026-11-18', 'CNY', 45800, 0, 45800, 1, 'pos_import')`,
    ).run();
    db.prepare(
      `INSERT INTO returns (id, store_id, sale_id, kind, status, created_at, business_day, staff_id, reason_code, currency,
        refund_total_minor, restocking_fee_minor, idempotency_key)
       VALUES ('R-20261123-0001', 1, 'pos-1', 'refund', 'completed', 2, '2026-11-23', 1, 'no_reason', 'CNY', 5310, 0, 'k-0001')`,
    ).run();
    db.prepare(
      `INSERT INTO return_lines (return_id, sale_line_no, sku, name, qty, unit_price_minor, gross_minor, discount_share_minor,
        tax_minor, restocking_fee_minor, refund_minor, grade, disposition, policy_outcome, policy_rule)
       VALUES ('R-20261123-0001', 2, 'CBL-USBC', 'USB-C cable', 1, 5310, 5310, 0, 611, 0, 5310, 'A-new', 'restock', 'allowed', 'window')`,
    ).run();
    db.prepare(
      `INSERT INTO stock_moves (at, store_id, sku, qty_delta, bucket, reason, ref_type, ref_id, staff_id)
       VALUES (2, 1, 'CBL-USBC', 1, 'sellable', 'return', 'return', 'R-20261123-0001', 1)`,
    ).run();
    appendAudit(db, {
      at: 2,
      storeId: 1,
      staffId: 1,
      action: 'return.committed',
      entityType: 'return',
      entityId: 'R-20261123-0001',
      data: { kind: 'refund', refundTotalMinor: 5310, lines: [{ lineNo: 2, qty: 1, refundMinor: 5310 }] },
    });
  })();
}

describe('migration 0005_return_commit_fewer_indexes', () => {
  it('keeps the return, its stock move and audit chain, drops the unread indexes, and reads still use indexes', () => {
    const db = openSqlite(join(tempDir(), 'u5.sqlite'));
    migrate(db, migrationsDir(), { toIdx: 4 });
    seed(db);
    expect(indexes(db)).toEqual(expect.arrayContaining(DROPPED));

    expect(migrate(db, migrationsDir(), { toIdx: 5 }).applied).toEqual(['0005_return_commit_fewer_indexes']);
    expect(indexes(db).filter((n) => DROPPED.includes(n))).toEqual([]);
    expect(indexes(db)).toEqual(
      expect.arrayContaining([
        'audit_entity',
        'return_lines_return',
        'returns_customer',
        'returns_day',
        'returns_sale',
      ]),
    );

    // The data is untouched and the chain still verifies.
    expect(db.prepare('SELECT refund_total_minor AS r, idempotency_key AS k FROM returns').get()).toEqual({
      r: 5310,
      k: 'k-0001',
    });
    expect(db.prepare('SELECT sale_line_no AS n, refund_minor AS m FROM return_lines').get()).toEqual({
      n: 2,
      m: 5310,
    });
    expect(db.prepare('SELECT qty_delta AS q, ref_id AS ref FROM stock_moves').get()).toEqual({
      q: 1,
      ref: 'R-20261123-0001',
    });
    expect(verifyAudit(db)).toMatchObject({ ok: true, rowsChecked: 1 });

    // A sale's earlier returns, a return's lines and its timeline are still index searches.
    expect(
      plan(
        db,
        `SELECT rl.qty FROM returns r JOIN return_lines rl ON rl.return_id = r.id
         WHERE r.sale_id = ? AND r.status = 'completed' ORDER BY rl.id`,
        'pos-1',
      ),
    ).toMatch(/SEARCH r USING INDEX returns_sale.*SEARCH rl USING INDEX return_lines_return/);
    expect(plan(db, 'SELECT id FROM returns WHERE business_day = ? AND store_id = 1', '2026-11-23')).toMatch(
      /SEARCH returns USING (COVERING )?INDEX returns_day/,
    );
    expect(
      plan(
        db,
        "SELECT id FROM audit_log WHERE entity_type = 'return' AND entity_id = ? ORDER BY id",
        'R-20261123-0001',
      ),
    ).toMatch(/SEARCH audit_log USING (COVERING )?INDEX audit_entity/);
    db.close();
  });
});
