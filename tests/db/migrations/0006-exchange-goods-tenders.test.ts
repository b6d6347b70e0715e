/**
 * Upgrade test for 0006 (issue #13): exchanges committed by older versions get their `exchange_goods`
 * tender row — refund total minus the rows they have — so an old day's "tenders = refunds" check
 * holds too. A dearer exchange (¥49 credit, ¥20 cash top-up → +¥69), a cheaper one (¥149 credit,
 * ¥70 back to the gift card → +¥79), an even one (¥59, no rows → +¥59); a plain refund and an
 * exchange already written with the row are left alone; the audit chain still verifies.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../../db/audit/chain';
import { migrate } from '../../../db/migrate/run';
import { migrationsDir } from '../../../db/migrations-dir';
import { openSqlite } from '../../../db/open';
import { tempDir } from '../../helpers/temp-dir';

type Db = ReturnType<typeof openSqlite>;

/** id, kind, refund total, tender rows [tender, amount] */
const RETURNS: [string, string, number, [string, number][]][] = [
  ['R-20261120-0001', 'exchange', 4_900, [['cash', -2_000]]],
  ['R-20261120-0002', 'exchange', 14_900, [['gift_card', 7_000]]],
  ['R-20261120-0003', 'exchange', 5_900, []],
  ['R-20261120-0004', 'refund', 5_310, [['wechat', 5_310]]],
  [
    'R-20261120-0005',
    'exchange',
    4_900,
    [
      ['exchange_goods', 6_900],
      ['cash', -2_000],
    ],
  ],
];

function seed(db: Db): void {
  db.transaction(() => {
    db.prepare(
      "INSERT INTO stores (code, name, time_zone, currency, locale, demo, created_at) VALUES ('S1', 'Shop', 'Asia/Shanghai', 'CNY', 'zh-CN', 0, 1)",
    ).run();
    for (const [i, [id, kind, refund, tenders]] of RETURNS.entries()) {
      db.prepare(
        `INSERT INTO returns (id, store_id, sale_id, kind, status, created_at, business_day, staff_id, reason_code, currency,
          refund_total_minor, restocking_fee_minor, idempotency_key)
         VALUES (?, 1, NULL, ?, 'completed', ?, '2026-11-20', 1, 'no_reason', 'CNY', ?, 0, ?)`,
      ).run(id, kind, i + 1, refund, `k-${i}`);
      tenders.forEach(([tender, amount], seq) =>
        db
          .prepare(
            'INSERT INTO refund_tenders (return_id, seq, tender, amount_minor, ref) VALUES (?, ?, ?, ?, NULL)',
          )
          .run(id, seq + 1, tender, amount),
      );
      appendAudit(db, {
        at: i + 1,
        storeId: 1,
        staffId: 1,
        action: 'return.committed',
        entityType: 'return',
        entityId: id,
        data: { kind, refundTotalMinor: refund },
      });
    }
  })();
}

const rows = (db: Db) =>
  db
    .prepare(
      'SELECT return_id AS id, seq, tender, amount_minor AS amount, ref FROM refund_tenders ORDER BY return_id, seq',
    )
    .all();

const shortfall = (db: Db) =>
  db
    .prepare(
      `SELECT r.id FROM returns r
       WHERE r.refund_total_minor <> coalesce((SELECT sum(t.amount_minor) FROM refund_tenders t WHERE t.return_id = r.id), 0)`,
    )
    .all();

describe('migration 0006_exchange_goods_tenders', () => {
  it('backfills the exchange_goods row of old exchanges so every return adds up; the rest untouched', () => {
    const db = openSqlite(join(tempDir(), 'u6.sqlite'));
    migrate(db, migrationsDir(), { toIdx: 5 });
    seed(db);
    expect(shortfall(db)).toEqual([
      { id: 'R-20261120-0001' },
      { id: 'R-20261120-0002' },
      { id: 'R-20261120-0003' },
    ]);
    const audit = db.prepare('SELECT count(*) AS n FROM audit_log').get();

    expect(migrate(db, migrationsDir(), { toIdx: 6 }).applied).toEqual(['0006_exchange_goods_tenders']);
    expect(rows(db)).toEqual([
      { id: 'R-20261120-0001', seq: 1, tender: 'cash', amount: -2_000, ref: null },
      { id: 'R-20261120-0001', seq: 2, tender: 'exchange_goods', amount: 6_900, ref: null },
      { id: 'R-20261120-0002', seq: 1, tender: 'gift_card', amount: 7_000, ref: null },
      { id: 'R-20261120-0002', seq: 2, tender: 'exchange_goods', amount: 7_900, ref: null },
      { id: 'R-20261120-0003', seq: 1, tender: 'exchange_goods', amount: 5_900, ref: null },
      { id: 'R-20261120-0004', seq: 1, tender: 'wechat', amount: 5_310, ref: null },
      { id: 'R-20261120-0005', seq: 1, tender: 'exchange_goods', amount: 6_900, ref: null },
      { id: 'R-20261120-0005', seq: 2, tender: 'cash', amount: -2_000, ref: null },
    ]);
    expect(shortfall(db)).toEqual([]);
    // The day's tenders = refunds (¥49 + ¥149 + ¥59 + ¥53.10 + ¥49).
    const day = db
      .prepare(
        `SELECT (SELECT sum(amount_minor) FROM refund_tenders) AS tenders, (SELECT sum(refund_total_minor) FROM returns) AS refunds`,
      )
      .get();
    expect(day).toEqual({ tenders: 35_910, refunds: 35_910 });
    // A data fix, not a new money movement: the audit chain is as it was and still verifies.
    expect(db.prepare('SELECT count(*) AS n FROM audit_log').get()).toEqual(audit);
    expect(verifyAudit(db).ok).toBe(true);
    // Applying again changes nothing (the runner records it once; the statement itself is idempotent too).
    expect(migrate(db, migrationsDir(), { toIdx: 6 }).applied).toEqual([]);
    db.close();
  });
});
