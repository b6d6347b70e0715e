/** Upgrade test for 0002: a 0001 database with a store, a sale and audit rows gains the returns, devices and print-queue tables. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { appendAudit, verifyAudit } from '../../../db/audit/chain';
import { migrate } from '../../../db/migrate/run';
import { migrationsDir } from '../../../db/migrations-dir';
import { openSqlite } from '../../../db/open';
import { tempDir } from '../../helpers/temp-dir';

describe('migration 0002_returns_devices_print_queue', () => {
  it('keeps existing sales and audit rows and accepts a return against an old sale', () => {
    const db = openSqlite(join(tempDir(), 'u2.sqlite'));
    migrate(db, migrationsDir(), { toIdx: 1 });
    db.transaction(() => {
      db.prepare(
        "INSERT INTO stores (code, name, time_zone, currency, locale, demo, created_at) VALUES ('S1', 'Shop', 'Asia/Shanghai', 'CNY', 'zh-CN', 0, 1)",
      ).run();
      db.prepare(
        `INSERT INTO sales (id, store_id, receipt_no, sold_at, business_day, currency, subtotal_minor, order_discount_minor, total_minor, tax_included, source)
         VALUES ('pos-1', 1, 'S-20261118-0007', 1, '2026-11-18', 'CNY', 45800, 4580, 41220, 1, 'pos_import')`,
      ).run();
      appendAudit(db, {
        at: 1,
        storeId: 1,
        staffId: null,
        action: 'sales.imported',
        entityType: 'sale',
        entityId: 'pos-1',
        data: {},
      });
    })();
    expect(migrate(db, migrationsDir(), { toIdx: 2 }).applied).toEqual(['0002_returns_devices_print_queue']);
    expect(db.prepare('SELECT total_minor FROM sales WHERE id = ?').get('pos-1')).toEqual({
      total_minor: 41220,
    });
    db.prepare(
      `INSERT INTO returns (id, store_id, sale_id, kind, status, created_at, business_day, staff_id, reason_code, currency,
        refund_total_minor, restocking_fee_minor, idempotency_key) VALUES ('R-20261123-0001', 1, 'pos-1', 'refund', 'completed', 2, '2026-11-23', 1, 'performance_fault', 'CNY', 35910, 0, 'k-1')`,
    ).run();
    expect(() =>
      db
        .prepare(
          `INSERT INTO returns (id, store_id, sale_id, kind, status, created_at, business_day, staff_id, reason_code, currency,
          refund_total_minor, restocking_fee_minor, idempotency_key) VALUES ('R-20261123-0002', 1, 'pos-1', 'refund', 'completed', 2, '2026-11-23', 1, 'x', 'CNY', 1, 0, 'k-1')`,
        )
        .run(),
    ).toThrow(/UNIQUE/); // one idempotency key, one return
    expect(() =>
      db.prepare("INSERT INTO print_attempts (job_id, started_at, outcome) VALUES (999, 1, 'started')").run(),
    ).toThrow(/FOREIGN KEY/);
    expect(verifyAudit(db).ok).toBe(true);
    db.close();
  });
});
