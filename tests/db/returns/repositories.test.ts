/**
 * The returns repository's non-trivial queries on rows written by hand: the lowest recent unit price
 * (integer division, day range, returns lines excluded), the no-receipt credit of a period (only
 * completed no-receipt returns' positive credit), and a sale's earlier return tenders (completed
 * returns only, in written order).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbClient } from '../../../db/client';
import { lowestUnitPrice, noReceiptCreditIssued } from '../../../db/repositories/returns/quote-facts';
import { priorReturnTenders } from '../../../db/repositories/returns/sale-source';
import { makeCore, type CoreFixture } from '../../helpers/core-fixture';

let f: CoreFixture;
let db: DbClient;
let storeId: number;
beforeEach(() => {
  f = makeCore();
  db = f.core.ctx.db;
  storeId = f.core.ctx.storeId;
});
afterEach(() => f.close());

function sale(
  id: string,
  day: string,
  lines: { sku: string; qty: number; unit: number; discount: number }[],
): void {
  db.sqlite
    .prepare(
      `INSERT INTO sales (id, store_id, receipt_no, sold_at, business_day, currency, subtotal_minor, order_discount_minor,
        total_minor, tax_included, source) VALUES (?, ?, ?, 1, ?, 'CNY', 0, 0, 0, 1, 'pos_import')`,
    )
    .run(id, storeId, `S-${id}`, day);
  lines.forEach((l, i) =>
    db.sqlite
      .prepare(
        `INSERT INTO sale_lines (sale_id, line_no, sku, name, qty, unit_price_minor, line_discount_minor, tax_rate_bp)
         VALUES (?, ?, ?, 'x', ?, ?, ?, 1300)`,
      )
      .run(id, i + 1, l.sku, l.qty, l.unit, l.discount),
  );
}

function ret(
  id: string,
  r: { saleId: string | null; customerId: number | null; at: number; status?: string },
): void {
  db.sqlite
    .prepare(
      `INSERT INTO returns (id, store_id, sale_id, customer_id, kind, status, created_at, business_day, staff_id,
        reason_code, currency, refund_total_minor, restocking_fee_minor, idempotency_key)
       VALUES (?, ?, ?, ?, 'store_credit', ?, ?, '2026-11-23', 1, 'no_reason', 'CNY', 0, 0, ?)`,
    )
    .run(id, storeId, r.saleId, r.customerId, r.status ?? 'completed', r.at, `key-${id}`);
}

describe('returns repository', () => {
  it('lowest unit price: after the line discount, per unit, over the day range only', () => {
    sale('a', '2026-11-01', [{ sku: 'KETTLE', qty: 3, unit: 1000, discount: 100 }]); // 2900 / 3 = 966
    sale('b', '2026-11-10', [{ sku: 'KETTLE', qty: 1, unit: 990, discount: 0 }]);
    sale('c', '2026-06-01', [{ sku: 'KETTLE', qty: 1, unit: 500, discount: 0 }]); // before the range
    sale('d', '2026-11-11', [{ sku: 'CABLE', qty: 1, unit: 100, discount: 0 }]);
    const q = { storeId, sku: 'KETTLE', fromDay: '2026-08-25', toDay: '2026-11-23' };
    expect(lowestUnitPrice(db, q)).toBe(966);
    expect(lowestUnitPrice(db, { ...q, sku: 'UNSOLD' })).toBeNull();
    expect(lowestUnitPrice(db, { ...q, toDay: '2026-11-05' })).toBe(966);
    expect(lowestUnitPrice(db, { ...q, fromDay: '2026-11-05' })).toBe(990);
  });

  it('no-receipt credit: completed no-receipt returns of the customer in [start, end), credit issued only', () => {
    db.sqlite
      .prepare(
        "INSERT INTO customers (id, name, phone, phone_rev, created_at) VALUES (7, '王芳', '13800138000', '00083100831', 1)",
      )
      .run();
    sale('s', '2026-11-01', [{ sku: 'KETTLE', qty: 1, unit: 1000, discount: 0 }]);
    ret('R-1', { saleId: null, customerId: 7, at: 100 });
    ret('R-2', { saleId: null, customerId: 7, at: 150, status: 'voided' });
    ret('R-3', { saleId: 's', customerId: 7, at: 160 });
    ret('R-4', { saleId: null, customerId: 7, at: 300 });
    const credit = db.sqlite.prepare(
      `INSERT INTO store_credit_ledger (at, customer_id, credit_code, amount_minor, ref_type, ref_id) VALUES (1, 7, ?, ?, 'return', ?)`,
    );
    for (const [id, amount] of [
      ['R-1', 2000],
      ['R-2', 4000],
      ['R-3', 8000],
      ['R-4', 16000],
    ] as const)
      credit.run(id, amount, id);
    credit.run('R-1', -500, 'R-1'); // spent: not credit issued
    expect(noReceiptCreditIssued(db, 7, 0, 300)).toBe(2000);
    expect(noReceiptCreditIssued(db, 7, 0, 301)).toBe(18000);
    expect(noReceiptCreditIssued(db, 8, 0, 301)).toBe(0);
  });

  it("a sale's earlier tenders: completed returns only, in the order they were written", () => {
    sale('s', '2026-11-01', [{ sku: 'KETTLE', qty: 2, unit: 1000, discount: 0 }]);
    ret('R-2', { saleId: 's', customerId: null, at: 200 });
    ret('R-1', { saleId: 's', customerId: null, at: 100 });
    ret('R-9', { saleId: 's', customerId: null, at: 300, status: 'voided' });
    const tender = db.sqlite.prepare(
      'INSERT INTO refund_tenders (return_id, seq, tender, amount_minor, ref) VALUES (?, ?, ?, ?, ?)',
    );
    tender.run('R-2', 1, 'cash', 700, null);
    tender.run('R-9', 1, 'cash', 100, null);
    tender.run('R-1', 1, 'store_credit', 300, 'R-1');
    expect(priorReturnTenders(db, 's')).toEqual([
      { returnId: 'R-2', tender: 'cash', amountMinor: 700, ref: null },
      { returnId: 'R-1', tender: 'store_credit', amountMinor: 300, ref: 'R-1' },
    ]);
  });
});
