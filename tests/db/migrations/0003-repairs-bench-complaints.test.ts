/** Upgrade test for 0003: a 0002 database with a sale and a return gains repairs, bench and complaints tables. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate/run';
import { migrationsDir } from '../../../db/migrations-dir';
import { openSqlite } from '../../../db/open';
import { tempDir } from '../../helpers/temp-dir';

describe('migration 0003_repairs_bench_complaints', () => {
  it('keeps returns and sales, and a repair job can reference the old sale', () => {
    const db = openSqlite(join(tempDir(), 'u3.sqlite'));
    migrate(db, migrationsDir(), { toIdx: 2 });
    db.exec(`
      INSERT INTO stores (code, name, time_zone, currency, locale, demo, created_at) VALUES ('S1', 'Shop', 'Asia/Shanghai', 'CNY', 'zh-CN', 0, 1);
      INSERT INTO sales (id, store_id, receipt_no, sold_at, business_day, currency, subtotal_minor, order_discount_minor, total_minor, tax_included, source)
        VALUES ('pos-9', 1, 'S-20260323-0015', 1, '2026-03-23', 'CNY', 549900, 0, 549900, 1, 'pos_import');
      INSERT INTO returns (id, store_id, sale_id, kind, status, created_at, business_day, staff_id, reason_code, currency, refund_total_minor, restocking_fee_minor, idempotency_key)
        VALUES ('R-20261123-0001', 1, 'pos-9', 'store_credit', 'completed', 2, '2026-11-23', 1, 'goodwill', 'CNY', 100, 0, 'k');
    `);
    expect(migrate(db, migrationsDir(), { toIdx: 3 }).applied).toEqual(['0003_repairs_bench_complaints']);
    expect(db.prepare('SELECT count(*) AS n FROM returns').get()).toEqual({ n: 1 });
    db.prepare(
      `INSERT INTO repair_jobs (id, store_id, sale_id, category_code, fault_code, intake, passcode_policy, warranty, promised_at, status, created_at, created_by, business_day)
       VALUES ('J-20261123-0001', 1, 'pos-9', 'laptop', 'no_charge', '{}', 'customer_removed', 'sanbao', 5, 'received', 1, 1, '2026-11-23')`,
    ).run();
    expect(() =>
      db.prepare("INSERT INTO repair_events (job_id, at, to_status) VALUES ('J-NOPE', 1, 'received')").run(),
    ).toThrow(/FOREIGN KEY/);
    db.close();
  });
});
