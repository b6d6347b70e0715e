/** Sale lookups on prepared statements (the receipt lookup is on the counter's hot path). */
import type { Statement } from 'better-sqlite3';
import type { SqliteDb } from '../../../db/open';
import type { Sale } from '../../../shared/contract/methods/sales';

interface SaleRow {
  id: string;
  receiptNo: string;
  soldAt: number;
  businessDay: string;
  currency: string;
  subtotalMinor: number;
  orderDiscountMinor: number;
  totalMinor: number;
  taxIncluded: number;
  customerId: number | null;
  customerName: string | null;
  customerPhone: string | null;
}

interface Stmts {
  sale: Statement;
  lines: Statement;
  payments: Statement;
}

const cache = new WeakMap<SqliteDb, Stmts>();

function stmts(db: SqliteDb): Stmts {
  let s = cache.get(db);
  if (!s) {
    s = {
      sale: db.prepare(
        `SELECT s.id, s.receipt_no AS receiptNo, s.sold_at AS soldAt, s.business_day AS businessDay, s.currency,
                s.subtotal_minor AS subtotalMinor, s.order_discount_minor AS orderDiscountMinor,
                s.total_minor AS totalMinor, s.tax_included AS taxIncluded, s.customer_id AS customerId,
                c.name AS customerName, c.phone AS customerPhone
         FROM sales s LEFT JOIN customers c ON c.id = s.customer_id
         WHERE s.store_id = ? AND s.receipt_no = ?`,
      ),
      lines: db.prepare(
        `SELECT l.line_no AS lineNo, l.product_id AS productId, l.sku, l.name, cat.code AS categoryCode, l.qty,
                l.unit_price_minor AS unitPriceMinor, l.line_discount_minor AS lineDiscountMinor,
                l.tax_rate_bp AS taxRateBp, l.serial
         FROM sale_lines l LEFT JOIN products p ON p.id = l.product_id LEFT JOIN categories cat ON cat.id = p.category_id
         WHERE l.sale_id = ? ORDER BY l.line_no`,
      ),
      payments: db.prepare(
        'SELECT tender, amount_minor AS amountMinor, ref FROM sale_payments WHERE sale_id = ? ORDER BY seq',
      ),
    };
    cache.set(db, s);
  }
  return s;
}

export function saleByReceipt(db: SqliteDb, storeId: number, receiptNo: string): Sale | null {
  const s = stmts(db);
  const row = s.sale.get(storeId, receiptNo) as SaleRow | undefined;
  if (!row) return null;
  return {
    id: row.id,
    receiptNo: row.receiptNo,
    soldAt: row.soldAt,
    businessDay: row.businessDay,
    currency: row.currency,
    subtotalMinor: row.subtotalMinor,
    orderDiscountMinor: row.orderDiscountMinor,
    totalMinor: row.totalMinor,
    taxIncluded: row.taxIncluded === 1,
    customer:
      row.customerId === null
        ? null
        : { id: row.customerId, name: row.customerName ?? '', phone: row.customerPhone },
    lines: s.lines.all(row.id) as Sale['lines'],
    payments: s.payments.all(row.id) as Sale['payments'],
  };
}
