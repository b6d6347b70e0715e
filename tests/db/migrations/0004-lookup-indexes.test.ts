/** Upgrade test for 0004: a 0003 database keeps its customers and sales, and prefix searches now use an index. */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../db/migrate/run';
import { migrationsDir } from '../../../db/migrations-dir';
import { openSqlite } from '../../../db/open';
import { tempDir } from '../../helpers/temp-dir';

const plan = (db: ReturnType<typeof openSqlite>, sql: string, ...p: unknown[]): string =>
  (db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all(...p) as { detail: string }[])
    .map((r) => r.detail)
    .join(' | ');

describe('migration 0004_lookup_indexes', () => {
  it('keeps the data and turns phone-suffix, name-prefix and SKU lookups into index searches', () => {
    const db = openSqlite(join(tempDir(), 'u4.sqlite'));
    migrate(db, migrationsDir(), { toIdx: 3 });
    db.prepare(
      "INSERT INTO stores (code, name, time_zone, currency, locale, demo, created_at) VALUES ('S1', 'Shop', 'Asia/Shanghai', 'CNY', 'zh-CN', 0, 1)",
    ).run();
    db.prepare(
      "INSERT INTO customers (name, phone, phone_rev, created_at) VALUES ('王芳', '13800138000', '00083100831', 1)",
    ).run();
    db.prepare(
      `INSERT INTO sales (id, store_id, receipt_no, sold_at, business_day, currency, subtotal_minor, order_discount_minor, total_minor, tax_included, source)
       VALUES ('pos-1', 1, 'S-20261118-0007', 1, '2026-11-18', 'CNY', 45800, 0, 45800, 1, 'pos_import')`,
    ).run();
    const phoneLike = "SELECT id FROM customers WHERE phone_rev LIKE ? ESCAPE '\\' LIMIT 50";
    const nameLike = "SELECT id FROM customers WHERE name LIKE ? ESCAPE '\\' LIMIT 50";
    const bySku = 'SELECT sale_id FROM sale_lines WHERE sku = ?';
    expect(plan(db, phoneLike, '0008%')).toMatch(/SCAN/);

    expect(migrate(db, migrationsDir(), { toIdx: 4 }).applied).toEqual(['0004_lookup_indexes']);
    expect(plan(db, phoneLike, '0008%')).toMatch(
      /SEARCH customers USING (COVERING )?INDEX customers_phone_rev_nocase/,
    );
    expect(plan(db, nameLike, '王%')).toMatch(
      /SEARCH customers USING (COVERING )?INDEX customers_name_nocase/,
    );
    expect(plan(db, bySku, 'TV-55')).toMatch(/SEARCH sale_lines USING (COVERING )?INDEX sale_lines_sku/);
    // The data is untouched and found through the new index.
    expect(db.prepare(phoneLike).all('0008%')).toEqual([{ id: 1 }]);
    expect(db.prepare(nameLike).all('王%')).toEqual([{ id: 1 }]);
    expect(db.prepare('SELECT total_minor FROM sales').get()).toEqual({ total_minor: 45800 });
    db.close();
  });
});
